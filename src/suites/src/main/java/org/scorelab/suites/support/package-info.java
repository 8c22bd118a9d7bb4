/**
 * What every suite shares: the {@link org.scorelab.suites.support.Graded} annotation, failure messages that name the
 * task, the expected and found values and the likely mistake, statistical thresholds, and the score preview.
 */
package org.scorelab.suites.support;
