// The CNN lab's tab presets headless (convolution arithmetic, kernels, architecture): `dlplay
// --headless --preset NAME` trains nothing and prints the numbers of the claim its tab shows, the
// same numbers the tab computes (cnn/Focus.h), and those numbers are the notes' claims.
#include "cnn/Focus.h"
#include "core/Error.h"

#include "RunDlplay.h"

#include <QtTest>

namespace {

QString report(const char* preset) {
  const Run r = dlplay({"--headless", "--preset", preset});
  if (r.code != 0) qWarning("%s: exit %d: %s", preset, r.code, qPrintable(r.err));
  return r.code == 0 ? r.out : QString();
}

}  // namespace

class AppFocusTest : public QObject {
  Q_OBJECT
private slots:
  // ⌊(7 + 2·1 − 1·2 − 1)/2⌋ + 1 = 4, by the formula and by the engine's layer.
  void convolutionWindow() {
    const QString out = report("cnn-conv-window");
    QVERIFY2(out.contains("nothing is trained"), qPrintable(out));
    QVERIFY2(out.contains("= floor((7 + 2 - 2 - 1)/2) + 1 = 4"), qPrintable(out));
    QVERIFY(out.contains("the engine's conv2d layer gives 4×4"));
  }

  // Dilations 1, 2, 4 of 3×3 kernels see 15×15 without holes; 2, 2, 2 leave holes (gridding) and
  // 1, 2, 5 none.
  void dilation() {
    const QString stack = report("cnn-dilation-stack");
    QVERIFY2(stack.contains("dilations 1, 2, 4: one output value sees 15×15") &&
                 stack.contains("no output path reaches: 0 per row"),
             qPrintable(stack));
    const QString grid = report("cnn-dilation-gridding");
    QVERIFY2(grid.contains("dilations 2, 2, 2: field 13×13; 6 of 13 positions per row never seen"), qPrintable(grid));
    QVERIFY2(grid.contains("dilations 1, 2, 5: field 17×17; 0 of 17 positions per row never seen"), qPrintable(grid));
  }

  // Sobel x gives 0 on a constant image and responds only where its window holds an edge.
  void sobelEdges() {
    const QString out = report("cnn-sobel-edges");
    QVERIFY2(out.contains("sobel_x on a constant 32×32 image (no padding): largest |output| 0"), qPrintable(out));
    int side = 0;
    const std::vector<double> shapes = dl::focusImage("shapes", &side);
    const std::vector<double> y = dl::convolveValid(shapes, side, dl::namedKernel("sobel_x", 3), 3);
    long long on = 0;
    for (double v : y) on += std::abs(v) > 1e-9;
    QVERIFY(on > 50);  // it does respond to the shapes
    const QRegularExpression counts(
        "(\\d+) of (\\d+) outputs respond, (\\d+) of them where the 3×3 window holds an edge");
    const QRegularExpressionMatch m = counts.match(out);
    QVERIFY2(m.hasMatch(), qPrintable(out));
    QCOMPARE(m.captured(1).toLongLong(), on);
    QCOMPARE(m.captured(3), m.captured(1));  // every responding output sits on an edge
  }

  // A kernel has its input's depth: 3×3×3 on a colour image, one output map.
  void kernelDepth() {
    const QString out = report("cnn-kernel-depth");
    QVERIFY2(out.contains("27 weights") && out.contains("27 weights, output 1×48×48"), qPrintable(out));
  }

  // The architecture comparisons' weights: 27C² against 49C² (C = 64); 53,248 against 147,456 for
  // the 1×1 bottleneck; 432, 442,368 and 50,331,648 for convolution, locally connected and dense.
  void architecture() {
    const QString small = report("cnn-small-kernels");
    QVERIFY2(small.contains("three 3×3 convolutions: receptive field 7×7, 110,592 weights (27C²)") &&
                 small.contains("one 7×7 convolution: receptive field 7×7, 200,704 weights (49C²)"),
             qPrintable(small));
    const QString bottleneck = report("cnn-bottleneck");
    QVERIFY2(bottleneck.contains("16,384 + 36,864 = 53,248 weights") && bottleneck.contains("147,456 weights"),
             qPrintable(bottleneck));
    const QString sharing = report("cnn-weight-sharing");
    QVERIFY2(sharing.contains(": 432 weights") && sharing.contains(": 442,368 weights") &&
                 sharing.contains(": 50,331,648 weights"),
             qPrintable(sharing));
  }

  // Training options make no sense for them: exit 2, one line.
  void trainingOptionsRefused() {
    const Run r = dlplay({"--headless", "--preset", "cnn-bottleneck", "--steps", "10"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("--steps: the preset trains nothing (it shows the architecture tab)"), qPrintable(r.err));
    QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::focusReport("convolution", "window:7,3"));
    QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::focusReport("kernels", "emboss/shapes"));
  }
};

QTEST_GUILESS_MAIN(AppFocusTest)
#include "tst_app_focus.moc"
