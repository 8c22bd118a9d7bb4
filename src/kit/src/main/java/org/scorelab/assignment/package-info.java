/** What every assignment's template uses: the "not implemented" marker of a task, and evaluation grids. */
package org.scorelab.assignment;
