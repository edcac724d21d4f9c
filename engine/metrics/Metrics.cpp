// Classification metrics. The conventions for undefined ratios are stated in Metrics.h.
#include "metrics/Metrics.h"

#include "core/Error.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

namespace dl {

Eigen::MatrixXi confusionMatrix(const std::vector<int>& truth, const std::vector<int>& predicted, int k) {
  if (truth.size() != predicted.size())
    throw DataError({}, {DL_TRANSLATE_NOOP("dl", "confusion matrix: %1 true labels but %2 predictions"),
                         {std::to_string(truth.size()), std::to_string(predicted.size())}});
  if (k < 1) throw DataError({}, {DL_TRANSLATE_NOOP("dl", "confusion matrix: k = %1 classes"), {std::to_string(k)}});
  Eigen::MatrixXi m = Eigen::MatrixXi::Zero(k, k);
  for (std::size_t i = 0; i < truth.size(); ++i) {
    const int t = truth[i], p = predicted[i];
    if (t < 0 || t >= k || p < 0 || p >= k)
      throw DataError({},
                      {DL_TRANSLATE_NOOP("dl", "confusion matrix: label pair (%1, %2) at sample %3 is outside 0..%4"),
                       {std::to_string(t), std::to_string(p), std::to_string(i), std::to_string(k - 1)}});
    ++m(t, p);
  }
  return m;
}

double fBeta(double precision, double recall, double beta) {
  const double b2 = beta * beta;
  const double den = b2 * precision + recall;
  return den > 0.0 ? (1.0 + b2) * precision * recall / den : 0.0;
}

ClassificationReport classificationReport(const std::vector<int>& truth, const std::vector<int>& predicted, int k) {
  ClassificationReport r;
  r.confusion = confusionMatrix(truth, predicted, k);
  const std::size_t kk = static_cast<std::size_t>(k);
  r.precision.assign(kk, 0.0);
  r.recall.assign(kk, 0.0);
  r.f1.assign(kk, 0.0);
  r.support.assign(kk, 0.0);
  const double n = static_cast<double>(truth.size());
  if (n == 0) return r;
  double pe = 0.0;
  for (int c = 0; c < k; ++c) {
    const std::size_t ci = static_cast<std::size_t>(c);
    const double tp = r.confusion(c, c);
    const double actual = r.confusion.row(c).sum();
    const double called = r.confusion.col(c).sum();
    r.support[ci] = actual;
    r.precision[ci] = called > 0 ? tp / called : 0.0;
    r.recall[ci] = actual > 0 ? tp / actual : 0.0;
    r.f1[ci] = fBeta(r.precision[ci], r.recall[ci], 1.0);
    pe += (actual / n) * (called / n);
  }
  r.accuracy = r.confusion.trace() / n;
  r.kappa = pe < 1.0 ? (r.accuracy - pe) / (1.0 - pe) : 0.0;
  r.macroPrecision = std::accumulate(r.precision.begin(), r.precision.end(), 0.0) / k;
  r.macroRecall = std::accumulate(r.recall.begin(), r.recall.end(), 0.0) / k;
  r.macroF1 = std::accumulate(r.f1.begin(), r.f1.end(), 0.0) / k;
  return r;
}

RocCurve rocCurve(const std::vector<double>& scores, const std::vector<int>& isPositive) {
  if (scores.size() != isPositive.size())
    throw DataError({}, {DL_TRANSLATE_NOOP("dl", "ROC curve: %1 scores but %2 labels"),
                         {std::to_string(scores.size()), std::to_string(isPositive.size())}});
  // A diverged model may score NaN; such samples rank lowest (with −∞) instead of breaking the sort.
  const auto key = [&](std::size_t i) {
    return std::isnan(scores[i]) ? -std::numeric_limits<double>::infinity() : scores[i];
  };
  std::vector<std::size_t> order(scores.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) > key(b); });
  double positives = 0.0;
  for (const int p : isPositive) positives += p != 0;
  const double negatives = static_cast<double>(scores.size()) - positives;

  RocCurve roc;
  roc.fpr.push_back(0.0);
  roc.tpr.push_back(0.0);
  roc.thresholds.push_back(std::numeric_limits<double>::infinity());
  double tp = 0.0, fp = 0.0;
  for (std::size_t i = 0; i < order.size();) {
    // One point per distinct score: a tie moves diagonally rather than in an order-dependent staircase.
    const double s = key(order[i]);
    for (; i < order.size() && key(order[i]) == s; ++i) (isPositive[order[i]] != 0 ? tp : fp) += 1.0;
    roc.fpr.push_back(negatives > 0 ? fp / negatives : 0.0);
    roc.tpr.push_back(positives > 0 ? tp / positives : 0.0);
    roc.thresholds.push_back(s);
  }
  if (positives == 0 || negatives == 0) {
    roc.auc = std::numeric_limits<double>::quiet_NaN();
    return roc;
  }
  for (std::size_t j = 1; j < roc.fpr.size(); ++j)
    roc.auc += (roc.fpr[j] - roc.fpr[j - 1]) * (roc.tpr[j] + roc.tpr[j - 1]) / 2.0;
  return roc;
}

}  // namespace dl
