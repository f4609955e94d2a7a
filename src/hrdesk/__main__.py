"""Entry point: ``hrdesk`` (GUI by default, sub-commands for automation) and ``python -m hrdesk``."""

import sys


def main(argv: list[str] | None = None) -> int:
    from hrdesk.cli.main import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
