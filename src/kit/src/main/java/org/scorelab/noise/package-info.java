/** Noise schedules for score-based models: the geometric noise levels of Song and Ermon (2019). */
package org.scorelab.noise;
