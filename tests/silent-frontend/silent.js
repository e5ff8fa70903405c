// SPDX-License-Identifier: LGPL-2.1-or-later
// Calls nothing for longer than the app waits, with --dev, before it says
// so; then closes its window, which quits the app.
setTimeout(() => window.close(), 6500);
