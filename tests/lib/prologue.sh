# The common start of an e2e script (sourced, after the script sets
# PREFIX, the prefix of its test names): ROOT and BIN (from the
# environment, else the clone the script is in), a temporary folder $tmp
# removed at exit, a fixed SOURCE_DATE_EPOCH, and pass NAME / fail NAME
# DETAIL printing "PASS PREFIX_NAME" / "FAIL PREFIX_NAME: DETAIL".
here=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$here/../.." && pwd)}
BIN=${BIN:-$ROOT/bin}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
SOURCE_DATE_EPOCH=1578650645
export SOURCE_DATE_EPOCH

pass() { echo "PASS ${PREFIX}_$1"; }
fail() { echo "FAIL ${PREFIX}_$1: $2"; }
