/**
 * The figures the sheets ask for: 2D histograms, heat maps of densities and energies, score fields, scatter plots,
 * loss curves and tables, laid out on titled pages and written as PNG files and one multi-page vector PDF.
 * Charts are JFreeChart's; this package only chooses what to draw and lays pages out.
 */
package org.scorelab.figures;
