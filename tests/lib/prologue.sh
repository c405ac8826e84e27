# The common start of an e2e script (sourced): ROOT, BIN and SHARED (from
# the environment, else the clone the script is in), a temporary folder
# $tmp removed at exit, a fixed SOURCE_DATE_EPOCH (a script that needs
# another date exports its own after), and pass NAME / fail NAME DETAIL /
# skip NAME WHY printing "PASS PREFIX_NAME" / "FAIL PREFIX_NAME: DETAIL" /
# "SKIP PREFIX_NAME: WHY".  PREFIX, set before, starts each test name,
# joined to it by SEP ("_" unless set; " " in some older names); without
# PREFIX the name stands alone.
here=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$here/../.." && pwd)}
BIN=${BIN:-$ROOT/bin}
SHARED=${SHARED:-$ROOT/../shared}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
SOURCE_DATE_EPOCH=1578650645
export SOURCE_DATE_EPOCH

pass() { echo "PASS ${PREFIX:+$PREFIX${SEP-_}}$1"; }
fail() { echo "FAIL ${PREFIX:+$PREFIX${SEP-_}}$1: $2"; }
skip() { echo "SKIP ${PREFIX:+$PREFIX${SEP-_}}$1: $2"; }
