#!/usr/bin/env bash
# Builds the zip to upload as a Gradescope programming assignment's autograder: setup.sh and run_autograder at its
# root, and the sources the grader needs (kit, suites, hidden suites, grader, the template's files). The reference's
# and the template check's poms are included only so that Maven reads the reactor; their sources are not.
# Usage: grading/gradescope/make-autograder.sh [out.zip]   (from a clone; packs the committed HEAD)
set -euo pipefail
root="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
out="$(realpath -m "${1:-autograder.zip}")"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
git -C "$root" archive HEAD pom.xml src/kit src/suites src/hidden-suites student-template grading/pom.xml grading/src \
  reference/pom.xml src/template-check/pom.xml | tar -x -C "$stage"
rm -rf "$stage/grading/src/test"
cp "$root/grading/gradescope/setup.sh" "$root/grading/gradescope/run_autograder" "$stage/"
chmod +x "$stage/setup.sh" "$stage/run_autograder"
rm -f "$out"
(cd "$stage" && python3 -c '
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for d, _, files in os.walk("."):
        for f in files:
            p = os.path.join(d, f)[2:]
            info = zipfile.ZipInfo.from_file(p, p)
            with open(p, "rb") as fh:
                z.writestr(info, fh.read(), zipfile.ZIP_DEFLATED)
' "$out")
echo "$out"
