#!/usr/bin/env bash
# Mutation testing of the pure rule modules and the permissions (issue 12), on demand only: never
# part of CI's test run (a full run takes hours on 2 cores). What is mutated and which tests run is
# [tool.mutmut] in pyproject.toml; how to read the result and every accepted survivor are in
# docs/mutation.md.
#
#   tests/bench/run_mutation.sh                    every mutant not yet decided (mutants/ is a cache)
#   tests/bench/run_mutation.sh 'hrdesk.core.payroll.rules.tax.*'   re-test these mutants
#   MUTMUT_WORKERS=2 tests/bench/run_mutation.sh   more parallel workers (the default 1 suits a shared machine)
#   rm -rf mutants && tests/bench/run_mutation.sh  from scratch, after changing a rule or a test
#
# It ends with the per-module figures and the survivors (tests/bench/mutation_report.py).
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ ! -x .venv/bin/mutmut ]; then
  .venv/bin/pip install -q -e ".[mutation]"
fi
export QT_QPA_PLATFORM=offscreen

start=$(date +%s)
status=0
.venv/bin/mutmut run --max-children "${MUTMUT_WORKERS:-1}" "$@" || status=$?
echo "mutmut run took $(( $(date +%s) - start )) s (exit $status)"
.venv/bin/python tests/bench/mutation_report.py
exit "$status"
