#!/usr/bin/env bash
# Regenerates the README's workbench screenshot, docs/images/workbench.png: the workbench UI test takes it
# while the DRL editor shows a marker beside the Engine view of a real engine. `./tandem test` installs
# Xvfb and GTK 3 when they are missing and runs the UI tests on a virtual display when there is no real one.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# the engine distribution (the test deploys to a real engine), the feature and the example plug-in the tests install
"$ROOT/tandem" test -pl product/engine,bundles/dev.tandem.workbench.example,features/dev.tandem.workbench.feature,bundles/dev.tandem.workbench.ui.tests -am \
  -Dtest=WorkbenchUiTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtandem.screenshot="$ROOT/docs/images/workbench.png"
echo "screenshots.sh: wrote $ROOT/docs/images/workbench.png"
