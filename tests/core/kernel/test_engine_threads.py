"""Connections survive many short-lived worker threads (the GUI's background tasks)."""

import threading

from sqlalchemy import text


def test_many_worker_threads_do_not_close_the_main_threads_connection(company):
    with company.db.engine.connect() as conn:
        assert conn.execute(text("select count(*) from employees")).scalar() == 8

    def work():
        with company.db.engine.connect() as conn:
            conn.execute(text("select count(*) from employees")).scalar()

    for _ in range(20):  # more threads than the pool holds connections
        thread = threading.Thread(target=work)
        thread.start()
        thread.join()
    with company.db.session() as session:  # the main thread's work still runs
        assert session.execute(text("select count(*) from employees")).scalar() == 8
    assert company.db.engine.pool.checkedout() == 0
