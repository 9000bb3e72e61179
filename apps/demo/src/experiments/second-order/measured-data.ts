/**
 * Two sets of real measurements from the Moré–Garbow–Hillstrom test collection: J. J. Moré,
 * B. S. Garbow, K. E. Hillstrom, "Testing Unconstrained Optimization Software", ACM Transactions
 * on Mathematical Software 7(1), 17–41 (1981), problems (10) and (17). The values are the
 * paper's, as also used by apps/conformance.
 */

/**
 * Meyer's thermistor: resistance y (ohms) at temperature tᵢ = 45 + 5i, i = 1 … 16, modelled as
 * y = x₁·exp(x₂/(t + x₃)). R. R. Meyer, "Theoretical and computational aspects of nonlinear
 * regression", in Nonlinear Programming, Academic Press, 1970, pp. 465–486. Start (0.02, 4000, 250);
 * the minimum of Σr² is 87.9458 (MGH).
 */
export const meyerData = {
  t: Array.from({ length: 16 }, (_, i) => 45 + 5 * (i + 1)),
  y: [34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744, 8261, 7030, 6005, 5147, 4427, 3820, 3307, 2872],
  start: [0.02, 4000, 250],
  minimumSumOfSquares: 87.9458,
};

/**
 * Osborne's first problem: 33 measurements of a sum of two exponential decays, tᵢ = 10(i − 1),
 * modelled as y = x₁ + x₂·e^(−t·x₄) + x₃·e^(−t·x₅). M. R. Osborne, "Some aspects of nonlinear
 * least squares calculations", in Numerical Methods for Nonlinear Optimization, Academic Press,
 * 1972, pp. 171–189. Start (0.5, 1.5, −1, 0.01, 0.02); the minimum of Σr² is 5.46489e-5 (MGH).
 */
export const osborneData = {
  t: Array.from({ length: 33 }, (_, i) => 10 * i),
  y: [
    0.844, 0.908, 0.932, 0.936, 0.925, 0.908, 0.881, 0.85, 0.818, 0.784, 0.751, 0.718, 0.685, 0.658, 0.628, 0.603, 0.58, 0.558, 0.538, 0.522, 0.506, 0.49,
    0.478, 0.467, 0.457, 0.448, 0.438, 0.431, 0.424, 0.42, 0.414, 0.411, 0.406,
  ],
  start: [0.5, 1.5, -1, 0.01, 0.02],
  minimumSumOfSquares: 5.46489e-5,
};
