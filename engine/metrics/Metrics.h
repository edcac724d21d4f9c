// Evaluation metrics for classification: confusion matrix, per-class precision/recall/F1,
// Cohen's κ, and ROC curves with their area. Plain functions of labels and scores.
#pragma once

#include <Eigen/Core>

#include <vector>

namespace dl {

// Counts (k, k): rows = true class, columns = predicted class. Throws DataError when the vectors
// differ in length or a label is outside 0..k−1.
Eigen::MatrixXi confusionMatrix(const std::vector<int>& truth, const std::vector<int>& predicted, int k);

struct ClassificationReport {
  double accuracy = 0, kappa = 0, macroPrecision = 0, macroRecall = 0, macroF1 = 0;
  std::vector<double> precision, recall, f1, support;  // per class; support = true count
  Eigen::MatrixXi confusion;
};

// precision_c = TP/(TP+FP), recall_c = TP/(TP+FN), F1_c = 2PR/(P+R). A class that is never
// predicted has precision 0, one with no support recall 0, and F1 0 when P = R = 0 (the scikit-
// learn "zero_division=0" convention: an undefined ratio counts as a miss, never as a success).
// Macro averages are plain means over all k classes. Cohen's κ = (p_o − p_e)/(1 − p_e) with p_o
// the accuracy and p_e = Σ_c (row_c/N)(col_c/N) the agreement expected by chance; κ = 0 when
// p_e = 1. With no samples everything is 0.
ClassificationReport classificationReport(const std::vector<int>& truth, const std::vector<int>& predicted, int k);

// F_β = (1+β²)·P·R / (β²·P + R): β > 1 weighs recall more. 0 when P = R = 0.
double fBeta(double precision, double recall, double beta);

struct RocCurve {
  std::vector<double> fpr, tpr, thresholds;  // from (0,0) at threshold +∞ to (1,1)
  double auc = 0;
};

// Receiver operating characteristic of `scores` (higher = more positive) against isPositive
// (non-zero = positive). Samples with equal scores enter together as one diagonal step, so ties
// count half, as in the Mann–Whitney reading of the AUC. AUC by trapezoids. Threshold i is the
// score at or above which a sample is called positive; NaN scores rank with −∞. Without positives or without negatives
// the rate with a zero denominator stays 0 and auc is NaN (undefined).
RocCurve rocCurve(const std::vector<double>& scores, const std::vector<int>& isPositive);

}  // namespace dl
