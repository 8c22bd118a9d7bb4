#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image; the zip is unpacked in /autograder/source.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
# bubblewrap is the test JVM's file-system and network sandbox; where the container cannot create namespaces the
# grader runs without it and says so in each report.
if ! command -v mvn >/dev/null 2>&1 || ! command -v javac >/dev/null 2>&1 || ! command -v bwrap >/dev/null 2>&1; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless maven bubblewrap >/dev/null
fi
# AUTOGRADER_ROOT lets the scripts be tried outside Gradescope (docs/grading.md).
cd "${AUTOGRADER_ROOT:-/autograder}/source"
# Builds the kit, the public and hidden suites and the grader (not the reference, whose sources are not in the zip).
mvn -B -q -pl grading -am install -DskipTests
