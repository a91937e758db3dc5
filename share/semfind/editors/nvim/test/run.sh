#!/bin/sh
# Headless test of the Neovim plugin against a real semfind and index:
#   run.sh SEMFIND_BINARY INDEX_PATH EXPECTED_PATH_SUBSTRING QUERY
# Runs :Semfind QUERY in `nvim --headless -u NONE`, through a `semfind serve` job and then
# through the command line (a server that cannot start), and checks each time that the quickfix
# list holds an entry whose file name contains EXPECTED_PATH_SUBSTRING. Exit status 0 when it does.
set -eu
if [ $# -ne 4 ]; then
    echo "usage: $0 SEMFIND_BINARY INDEX_PATH EXPECTED_PATH_SUBSTRING QUERY" >&2
    exit 2
fi
if ! command -v nvim >/dev/null 2>&1; then
    echo "FAIL: nvim not found; install Neovim (e.g. apt-get install neovim) to test the plugin" >&2
    exit 3
fi
here=$(cd "$(dirname "$0")" && pwd)
SEMFIND_TEST_PLUGIN=$(dirname "$here")
SEMFIND_TEST_BINARY=$1 SEMFIND_TEST_INDEX=$2 SEMFIND_TEST_EXPECTED=$3 SEMFIND_TEST_QUERY=$4
SEMFIND_TEST_CHECK=$here/check.lua
export SEMFIND_TEST_PLUGIN SEMFIND_TEST_BINARY SEMFIND_TEST_INDEX SEMFIND_TEST_EXPECTED SEMFIND_TEST_QUERY
export SEMFIND_TEST_CHECK
# A stray nvim must not hang CI: give up after two minutes where timeout(1) exists.
limit=""
if command -v timeout >/dev/null 2>&1; then limit="timeout 120"; fi
status=0
$limit nvim --headless -u NONE -i NONE -n -c 'lua dofile(os.getenv("SEMFIND_TEST_CHECK"))' </dev/null ||
    status=$?
if [ "$status" -ne 0 ]; then
    echo "FAIL: the Neovim plugin test failed (nvim exit status $status)" >&2
    exit 1
fi
echo "ok: :Semfind found $3"
