// Classification metrics against values worked out by hand: a 3-class confusion matrix with its
// precision/recall/F1/κ, F-beta, the zero-division conventions, and ROC curves with ties.
#include <QtTest>

#include "core/Error.h"
#include "metrics/Metrics.h"

#include <cmath>
#include <vector>

using namespace dl;

namespace {

bool close(double got, double want) { return std::abs(got - want) <= 1e-12 + 1e-12 * std::abs(want); }

#define CHECK_CLOSE(got, want)   \
  QVERIFY2(close((got), (want)), \
           qPrintable(QStringLiteral("%1 = %2, want %3").arg(#got).arg((got), 0, 'g', 15).arg((want), 0, 'g', 15)))

void checkCurve(const RocCurve& roc, const std::vector<double>& fpr, const std::vector<double>& tpr) {
  QCOMPARE(roc.fpr.size(), fpr.size());
  QCOMPARE(roc.tpr.size(), tpr.size());
  for (std::size_t i = 0; i < fpr.size(); ++i) {
    CHECK_CLOSE(roc.fpr[i], fpr[i]);
    CHECK_CLOSE(roc.tpr[i], tpr[i]);
  }
}

// The worked example of the report tests (10 samples, 3 classes).
const std::vector<int> kTruth = {0, 0, 0, 1, 1, 2, 2, 2, 2, 2};
const std::vector<int> kPred = {0, 0, 1, 1, 0, 2, 2, 2, 1, 0};

}  // namespace

class TestMetrics : public QObject {
  Q_OBJECT

private slots:
  void confusionMatrixCounts() {
    // Rows = truth, columns = prediction:
    //   truth 0 predicted 0,0,1      → [2 1 0]
    //   truth 1 predicted 1,0        → [1 1 0]
    //   truth 2 predicted 2,2,2,1,0  → [1 1 3]
    const Eigen::MatrixXi m = confusionMatrix(kTruth, kPred, 3);
    Eigen::MatrixXi want(3, 3);
    want << 2, 1, 0, 1, 1, 0, 1, 1, 3;
    QVERIFY(m == want);
  }

  void confusionMatrixRejectsBadInput() {
    QVERIFY_THROWS_EXCEPTION(DataError, confusionMatrix({0, 1}, {0}, 2));
    QVERIFY_THROWS_EXCEPTION(DataError, confusionMatrix({0, 2}, {0, 1}, 2));
    QVERIFY_THROWS_EXCEPTION(DataError, confusionMatrix({0, 1}, {0, -1}, 2));
  }

  void reportByHand() {
    // Column sums (predicted counts): 4, 3, 3; row sums (support): 3, 2, 5.
    // precision = TP/predicted: 2/4, 1/3, 3/3      recall = TP/support: 2/3, 1/2, 3/5
    // F1 = 2PR/(P+R): class 0: 2·½·⅔/(½+⅔) = 4/7; class 1: 2·⅓·½/(⅓+½) = 2/5; class 2: 2·1·0.6/1.6 = 3/4
    // accuracy p_o = (2+1+3)/10 = 0.6
    // p_e = Σ (support/N)(predicted/N) = 0.3·0.4 + 0.2·0.3 + 0.5·0.3 = 0.33
    // κ = (0.6 − 0.33)/(1 − 0.33) = 0.27/0.67
    const ClassificationReport r = classificationReport(kTruth, kPred, 3);
    CHECK_CLOSE(r.accuracy, 0.6);
    CHECK_CLOSE(r.precision[0], 0.5);
    CHECK_CLOSE(r.precision[1], 1.0 / 3.0);
    CHECK_CLOSE(r.precision[2], 1.0);
    CHECK_CLOSE(r.recall[0], 2.0 / 3.0);
    CHECK_CLOSE(r.recall[1], 0.5);
    CHECK_CLOSE(r.recall[2], 0.6);
    CHECK_CLOSE(r.f1[0], 4.0 / 7.0);
    CHECK_CLOSE(r.f1[1], 0.4);
    CHECK_CLOSE(r.f1[2], 0.75);
    CHECK_CLOSE(r.support[0], 3.0);
    CHECK_CLOSE(r.support[1], 2.0);
    CHECK_CLOSE(r.support[2], 5.0);
    CHECK_CLOSE(r.kappa, 0.27 / 0.67);
    CHECK_CLOSE(r.macroPrecision, (0.5 + 1.0 / 3.0 + 1.0) / 3.0);
    CHECK_CLOSE(r.macroRecall, (2.0 / 3.0 + 0.5 + 0.6) / 3.0);
    CHECK_CLOSE(r.macroF1, (4.0 / 7.0 + 0.4 + 0.75) / 3.0);
    QCOMPARE(r.confusion(2, 2), 3);
  }

  void fBetaByHand() {
    // P = 0.5, R = 0.8. β = 2: 5·0.4/(4·0.5 + 0.8) = 2/2.8. β = ½: 1.25·0.4/(0.25·0.5 + 0.8) = 0.5/0.925.
    CHECK_CLOSE(fBeta(0.5, 0.8, 2.0), 2.0 / 2.8);
    CHECK_CLOSE(fBeta(0.5, 0.8, 0.5), 0.5 / 0.925);
    // β = 1 is the harmonic mean: 2·0.4/1.3.
    CHECK_CLOSE(fBeta(0.5, 0.8, 1.0), 0.8 / 1.3);
    QCOMPARE(fBeta(0.0, 0.0, 1.0), 0.0);
    QCOMPARE(fBeta(0.0, 0.7, 1.0), 0.0);
  }

  void undefinedRatiosAreZero() {
    // Class 0 is never predicted (precision 0/0 → 0) and class 2 has neither support nor
    // predictions (recall 0/0 → 0). Class 1: precision 2/3, recall 1.
    const ClassificationReport r = classificationReport({0, 1, 1}, {1, 1, 1}, 3);
    QCOMPARE(r.precision[0], 0.0);
    QCOMPARE(r.recall[0], 0.0);
    QCOMPARE(r.f1[0], 0.0);
    QCOMPARE(r.precision[2], 0.0);
    QCOMPARE(r.recall[2], 0.0);
    QCOMPARE(r.support[2], 0.0);
    CHECK_CLOSE(r.precision[1], 2.0 / 3.0);
    CHECK_CLOSE(r.recall[1], 1.0);
    // Macro means include the empty classes: (0 + 2/3 + 0)/3.
    CHECK_CLOSE(r.macroPrecision, 2.0 / 9.0);
    // p_o = 2/3, p_e = (1/3)·0 + (2/3)·1 = 2/3 → κ = 0: no better than chance.
    CHECK_CLOSE(r.kappa, 0.0);
  }

  void kappaEdgeCases() {
    QCOMPARE(classificationReport({0, 1, 1, 0}, {0, 1, 1, 0}, 2).kappa, 1.0);
    // Everything is class 0 on both sides: p_o = p_e = 1, κ defined as 0.
    QCOMPARE(classificationReport({0, 0, 0}, {0, 0, 0}, 2).kappa, 0.0);
    // Systematically wrong: truth 0,1 predicted 1,0 → p_o = 0, p_e = ½ → κ = −1.
    CHECK_CLOSE(classificationReport({0, 1}, {1, 0}, 2).kappa, -1.0);
    const ClassificationReport empty = classificationReport({}, {}, 2);
    QCOMPARE(empty.accuracy, 0.0);
    QCOMPARE(empty.precision.size(), std::size_t{2});
  }

  void rocWithTies() {
    // score: 0.9 0.8 0.7 0.7 0.6 0.2     P = 3, N = 3
    // label:  P   N   P   N   P   N
    // thresholds +∞, 0.9, 0.8, 0.7 (both tied samples at once), 0.6, 0.2 give
    // (fpr, tpr) = (0,0) (0,⅓) (⅓,⅓) (⅔,⅔) (⅔,1) (1,1).
    // AUC = ⅓·⅓ + ⅓·(⅓+⅔)/2 + ⅓·1 = 1/9 + 1/6 + 1/3 = 11/18; the Mann–Whitney count agrees:
    // positive 0.9 beats 3 negatives, 0.7 beats 1 and ties 1 (½), 0.6 beats 1 → 5.5/9.
    // Inputs are given shuffled to show the order does not matter.
    const std::vector<double> scores = {0.7, 0.2, 0.9, 0.6, 0.7, 0.8};
    const std::vector<int> positive = {0, 0, 1, 1, 1, 0};
    const RocCurve roc = rocCurve(scores, positive);
    checkCurve(roc, {0, 0, 1.0 / 3, 2.0 / 3, 2.0 / 3, 1}, {0, 1.0 / 3, 1.0 / 3, 2.0 / 3, 1, 1});
    CHECK_CLOSE(roc.auc, 11.0 / 18.0);
    QVERIFY(std::isinf(roc.thresholds.front()));
    QCOMPARE(roc.thresholds[3], 0.7);
    QCOMPARE(roc.thresholds.back(), 0.2);
  }

  void rocPerfectAndChance() {
    // Every positive above every negative: up the left edge, then across: AUC 1.
    const RocCurve perfect = rocCurve({0.9, 0.8, 0.3, 0.1}, {1, 1, 0, 0});
    checkCurve(perfect, {0, 0, 0, 0.5, 1}, {0, 0.5, 1, 1, 1});
    CHECK_CLOSE(perfect.auc, 1.0);
    // All scores equal: one diagonal step from (0,0) to (1,1): AUC 0.5.
    const RocCurve chance = rocCurve({0.4, 0.4, 0.4, 0.4}, {1, 0, 1, 0});
    checkCurve(chance, {0, 1}, {0, 1});
    CHECK_CLOSE(chance.auc, 0.5);
    // Ranked backwards: AUC 0.
    CHECK_CLOSE(rocCurve({0.1, 0.2, 0.8, 0.9}, {1, 1, 0, 0}).auc, 0.0);
  }

  void rocUndefined() {
    QVERIFY(std::isnan(rocCurve({0.1, 0.5}, {1, 1}).auc));
    QVERIFY(std::isnan(rocCurve({0.1, 0.5}, {0, 0}).auc));
    QVERIFY_THROWS_EXCEPTION(DataError, rocCurve({0.1}, {1, 0}));
    // NaN scores rank lowest and do not hang the tie grouping.
    const RocCurve withNan = rocCurve({std::nan(""), 0.9, std::nan("")}, {0, 1, 0});
    CHECK_CLOSE(withNan.auc, 1.0);
  }
};

QTEST_APPLESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
