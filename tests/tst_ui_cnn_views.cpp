// The CNN lab's convolution views (ui/labs/cnn/): the arithmetic view's output size and formula
// against the engine for every setting its controls allow, receptive fields and gridding, and the
// kernel editor's lessons — Sobel x sees only edges, a kernel has the input's depth, a bad weight
// is refused. DLPLAY_CNN_VIEWS_PNG=/some/dir also saves pictures of both views at 1366×768.
#include "labs/cnn/CellGrid.h"
#include "labs/cnn/ConvArithmeticView.h"
#include "labs/cnn/KernelEditor.h"

#include "nn/Conv2d.h"
#include "nn/ConvArithmetic.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabBar>
#include <QTranslator>
#include <QTabWidget>
#include <QtTest>

#include <cmath>

using namespace dlui;

namespace {

// What conv2d's own output shape is for one setting (the layer made through the registry).
dl::Shape engineShape(int n, int k, int s, int p, int d) {
  dl::LayerSpec spec;
  spec.kind = "conv2d";
  spec.units = 1;
  spec.kernel = k;
  spec.stride = s;
  spec.padding = p;
  spec.dilation = d;
  return dl::makeLayer(spec, dl::Shape{1, n, n, 1}, "t")->outputShape();
}

// A direct single-channel convolution (cross-correlation), stride 1, zero padding p.
std::vector<double> direct(const std::vector<double>& img, int h, int w, const std::vector<double>& kernel, int k,
                           int p) {
  const int oh = h + 2 * p - k + 1, ow = w + 2 * p - k + 1;
  std::vector<double> out(static_cast<std::size_t>(oh * ow), 0);
  for (int y = 0; y < oh; ++y)
    for (int x = 0; x < ow; ++x) {
      double s = 0;
      for (int i = 0; i < k; ++i)
        for (int j = 0; j < k; ++j) {
          const int yy = y + i - p, xx = x + j - p;
          if (yy >= 0 && xx >= 0 && yy < h && xx < w)
            s += img[static_cast<std::size_t>(yy * w + xx)] * kernel[static_cast<std::size_t>(i * k + j)];
        }
      out[static_cast<std::size_t>(y * ow + x)] = s;
    }
  return out;
}

void savePictures(QWidget* w, const QString& name) {
  const QString dir = qEnvironmentVariable("DLPLAY_CNN_VIEWS_PNG");
  if (dir.isEmpty()) return;
  QDir().mkpath(dir);
  w->resize(1366, 768);
  w->show();
  QCoreApplication::processEvents();
  QVERIFY(w->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

}  // namespace

class TestCnnViews : public QObject {
  Q_OBJECT
private slots:
  void outputSizeForEverySetting() {
    ConvArithmeticView view;
    int fits = 0, refused = 0;
    for (int k = 1; k <= 7; ++k)
      for (int s = 1; s <= 4; ++s)
        for (int p = 0; p <= 3; ++p)
          for (int d = 1; d <= 4; ++d) {
            view.setConvGeometry(7, k, s, p, d);
            const int expected = static_cast<int>(dl::convOutputSize(7, k, s, p, d));
            QCOMPARE(view.outputSize(), expected);
            const QString f = view.formulaText();
            const QString subst = QStringLiteral("⌊(7 + 2·%1 − %2·(%3−1) − 1)/%4⌋ + 1 = ").arg(p).arg(d).arg(k).arg(s);
            QVERIFY2(f.startsWith(subst), qPrintable(f));
            QVERIFY2(f.endsWith(QString::number(std::abs(expected))), qPrintable(f));
            if (expected > 0) {
              ++fits;
              const dl::Shape shape = engineShape(7, k, s, p, d);
              QCOMPARE(static_cast<int>(shape.height), expected);
              QCOMPARE(static_cast<int>(shape.width), expected);
              // The view's picture is that layer's output, every value of it.
              QCOMPARE(static_cast<int>(view.outputValues().size()), expected * expected);
              QVERIFY(!view.dotProductText().isEmpty());
            } else {
              ++refused;
              QVERIFY(view.outputValues().empty());
              QVERIFY2(view.warningText().contains(QStringLiteral("≤ 0")), qPrintable(view.warningText()));
              QVERIFY(view.dotProductText().isEmpty());
              view.stepWindow();  // nothing to slide over, and no crash
            }
          }
    QVERIFY(fits > 0 && refused > 0);
    QCOMPARE(fits + refused, 7 * 4 * 4 * 4);
  }

  void formulaExampleAndUnseenRows() {
    ConvArithmeticView view;
    view.setConvGeometry(7, 3, 2, 1, 1);
    QCOMPARE(view.formulaText(), QStringLiteral("⌊(7 + 2·1 − 1·(3−1) − 1)/2⌋ + 1 = 4"));
    QVERIFY(view.warningText().isEmpty());  // 9 padded values, windows at 0, 2, 4, 6: all seen
    // 8 values, k 3, s 2, p 0: windows at 0, 2, 4 reach index 6; the last row is never seen (not refused).
    view.setConvGeometry(8, 3, 2, 0, 1);
    QCOMPARE(view.outputSize(), 3);
    QVERIFY2(view.warningText().contains(QStringLiteral("1")), qPrintable(view.warningText()));
    QVERIFY(!view.warningText().isEmpty());
  }

  void dotProductIsTheEnginesValue() {
    ConvArithmeticView view;
    view.setConvGeometry(4, 2, 1, 0, 1);
    view.setInput({1, 2, 0, 0, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    view.setKernel({1, -1, 2, 0});
    // 1·1 + 2·(−1) + 3·2 + 4·0 = 5
    QCOMPARE(view.outputValues().front(), 5.0);
    QCOMPARE(view.dotProductText(), QStringLiteral("1·1 + 2·(−1) + 3·2 + 4·0 = 5"));
    view.stepWindow();
    QCOMPARE(view.windowIndex(), 1);
    // The window's taps are outlined on the (padded) input grid.
    QVERIFY(view.inputGrid()->cell(0, 1).outline.isValid());
    QVERIFY(view.inputGrid()->cell(1, 2).outline.isValid());
    QVERIFY(!view.inputGrid()->cell(0, 0).outline.isValid());
    // The output fills in as the window slides: cells after the window are still empty.
    QVERIFY(!view.outputGrid()->cell(0, 1).text.isEmpty());
    QVERIFY(view.outputGrid()->cell(2, 2).text.isEmpty());
    // The step button moves it on.
    view.stepButton()->click();
    QCOMPARE(view.windowIndex(), 2);
  }

  void playSlidesAndStopsAtTheEnd() {
    ConvArithmeticView view;
    view.setConvGeometry(5, 3, 1, 0, 1);  // 3×3 outputs
    view.findChild<QSpinBox*>(QStringLiteral("convSpeed"))->setValue(100);
    view.playButton()->click();
    QVERIFY(view.isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(!view.isPlaying(), 5000);  // stops by itself on the last output value
    QCOMPARE(view.windowIndex(), 8);
    for (int i = 0; i < 9; ++i) QVERIFY(!view.outputGrid()->cell(i / 3, i % 3).text.isEmpty());
    view.playButton()->click();  // from the start again
    QVERIFY(view.isPlaying());
    QVERIFY(view.windowIndex() < 8);
    view.playButton()->click();
    QVERIFY(!view.isPlaying());
  }

  void typedInputValues() {
    ConvArithmeticView view;
    view.resize(1200, 700);
    view.show();
    view.setConvGeometry(5, 3, 1, 1, 1);  // the grid shows the 7×7 padded input
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    CellGrid* grid = view.inputGrid();
    const double before = view.input()[0];
    QTest::mouseClick(grid, Qt::LeftButton, {}, grid->cellRect(1, 1).center());  // input (0, 0)
    QTest::keyClicks(grid, QStringLiteral("nan"));
    QTest::keyClick(grid, Qt::Key_Return);
    QCOMPARE(view.input()[0], before);
    QVERIFY(view.findChild<QLabel*>(QStringLiteral("convEditHint"))->text().contains(QStringLiteral("nan")));
    QTest::keyClicks(grid, QStringLiteral("-3"));
    QTest::keyClick(grid, Qt::Key_Return);
    QCOMPARE(view.input()[0], -3.0);
    QVERIFY(!view.findChild<QLabel*>(QStringLiteral("convEditHint"))->text().contains(QStringLiteral("nan")));
    // The padding is not part of the input: typing there changes nothing.
    const std::vector<double> all = view.input();
    QTest::mouseClick(grid, Qt::LeftButton, {}, grid->cellRect(0, 0).center());
    QTest::keyClicks(grid, QStringLiteral("7"));
    QTest::keyClick(grid, Qt::Key_Return);
    QVERIFY(view.input() == all);
  }

  void receptiveFields() {
    ConvArithmeticView view;
    // In the sliding window: dilation 2 spreads the 9 taps of a 3×3 kernel over a 5×5 square.
    view.setConvGeometry(7, 3, 1, 0, 2);
    int taps = 0, rows = 0, cols = 0;
    for (int r = 0; r < view.inputGrid()->rows(); ++r)
      for (int c = 0; c < view.inputGrid()->cols(); ++c)
        if (view.inputGrid()->cell(r, c).outline.isValid()) {
          ++taps;
          rows = std::max(rows, r + 1);
          cols = std::max(cols, c + 1);
        }
    QCOMPARE(taps, 9);
    QCOMPARE(rows, 5);
    QCOMPARE(cols, 5);
    view.setStack({2}, {1});
    QCOMPARE(view.stackReceptiveField(), 5);  // a 3×3 kernel with dilation 2 sees 5×5
    QVERIFY(view.receptiveFieldText().contains(QStringLiteral("5×5")));
    view.setStack({1, 2, 4}, {1, 1, 1});
    QCOMPARE(view.stackReceptiveField(), 15);
    QVERIFY(view.receptiveFieldText().contains(QStringLiteral("15×15")));
    // Clicking the middle output marks a 15×15 field (dilations 1, 2, 4 leave no holes).
    const int o = view.stackOutputSize();
    view.selectStackOutput(o / 2, o / 2);
    const std::vector<bool> seen = view.stackInfluence();
    QCOMPARE(static_cast<int>(std::count(seen.begin(), seen.end(), true)), 15 * 15);
    // 2, 2, 2 as a stack: a 13×13 field seen through 7×7 pixels, the rest marked as holes.
    view.setStack({2, 2, 2}, {1, 1, 1});
    view.selectStackOutput(o / 2, o / 2);
    const std::vector<bool> gridded = view.stackInfluence();
    QCOMPARE(static_cast<int>(std::count(gridded.begin(), gridded.end(), true)), 7 * 7);
    int holes = 0;
    for (int y = 0; y < view.stackInputSize(); ++y)
      for (int x = 0; x < view.stackInputSize(); ++x)
        holes += view.findChild<CellGrid*>(QStringLiteral("convStackInput"))->cell(y, x).hole;
    QCOMPARE(holes, 13 * 13 - 7 * 7);
  }

  void gridding() {
    ConvArithmeticView view;
    QVERIFY(view.griddingHoles(0) > 0);
    QCOMPARE(view.griddingHoles(0), 13LL * 13 - 7 * 7);
    QCOMPARE(view.griddingHoles(1), 0LL);
    QVERIFY(view.griddingText(0).contains(QStringLiteral("13×13")));
    QVERIFY(view.griddingText(0).contains(QString::number(view.griddingHoles(0))));
    QVERIFY(view.griddingText(1).contains(QStringLiteral("no holes")));
  }

  void sobelOnConstantIsZero() {
    KernelEditor e;
    QVERIFY(e.selectKernel(QStringLiteral("sobel_x")));
    QVERIFY(e.selectImage(QStringLiteral("constant")));
    e.setSamePadding(false);  // valid: the window never sits on the zero border
    QCOMPARE(e.outputHeight(), e.imageHeight() - 2);
    for (double v : e.output()) QCOMPARE(v, 0.0);
    // With zero padding the border sees the step from the image to the zeros; the interior is still 0.
    e.setSamePadding(true);
    QCOMPARE(e.outputHeight(), e.imageHeight());
    const int w = e.outputWidth();
    bool borderNonZero = false;
    for (int y = 0; y < e.outputHeight(); ++y)
      for (int x = 0; x < w; ++x) {
        const double v = e.output()[static_cast<std::size_t>(y * w + x)];
        if (y > 0 && x > 0 && y < e.outputHeight() - 1 && x < w - 1)
          QCOMPARE(v, 0.0);
        else
          borderNonZero = borderNonZero || v != 0;
      }
    QVERIFY(borderNonZero);
  }

  void sobelOnShapesOnlyAtEdges() {
    KernelEditor e;
    QVERIFY(e.selectImage(QStringLiteral("shapes")));
    QVERIFY(e.selectKernel(QStringLiteral("sobel_x")));
    e.setSamePadding(false);
    const int h = e.imageHeight(), w = e.imageWidth(), ow = e.outputWidth();
    const std::vector<double>& img = e.image();
    int edges = 0, nonZero = 0;
    for (int y = 0; y < e.outputHeight(); ++y)
      for (int x = 0; x < ow; ++x) {
        // Output (y, x) covers input rows y..y+2, columns x..x+2: is there an intensity change in it?
        const double centre = img[static_cast<std::size_t>((y + 1) * w + x + 1)];
        bool change = false;
        for (int i = 0; i < 3; ++i)
          for (int j = 0; j < 3; ++j) change = change || img[static_cast<std::size_t>((y + i) * w + x + j)] != centre;
        edges += change;
        const double v = e.output()[static_cast<std::size_t>(y * ow + x)];
        if (std::abs(v) > 1e-5) {
          ++nonZero;
          QVERIFY2(change, qPrintable(QStringLiteral("non-zero %1 at (%2, %3) in a flat patch").arg(v).arg(y).arg(x)));
        }
      }
    QVERIFY(h > 0 && nonZero > 20);       // the bars' vertical edges are found
    QVERIFY(nonZero < (h - 2) * ow / 2);  // and most of the picture is flat
    QVERIFY(edges >= nonZero);
  }

  void colourKernelHasTheInputsDepth() {
    KernelEditor e;
    QVERIFY(e.selectImage(QStringLiteral("colour")));
    QVERIFY(e.selectKernel(QStringLiteral("laplacian")));
    e.setChannelWeights(1, -0.5, 2);
    QCOMPARE(e.imageChannels(), 3);
    QCOMPARE(static_cast<int>(e.layerKernel().size()), 3 * 3 * 3);
    QVERIFY(e.depthText().contains(QStringLiteral("3 × 3 × 3")));
    // ONE output map, the sum of the three per-channel convolutions.
    const int h = e.imageHeight(), w = e.imageWidth();
    QCOMPARE(static_cast<int>(e.output().size()), h * w);
    std::vector<double> sum(static_cast<std::size_t>(h * w), 0);
    const std::vector<double> full = e.layerKernel();
    for (int c = 0; c < 3; ++c) {
      const std::vector<double> plane(e.image().begin() + c * h * w, e.image().begin() + (c + 1) * h * w);
      const std::vector<double> slice(full.begin() + c * 9, full.begin() + (c + 1) * 9);
      const std::vector<double> one = direct(plane, h, w, slice, 3, 1);
      for (std::size_t i = 0; i < sum.size(); ++i) sum[i] += one[i];
    }
    double worst = 0, largest = 0;
    for (std::size_t i = 0; i < sum.size(); ++i) {
      worst = std::max(worst, std::abs(sum[i] - e.output()[i]));
      largest = std::max(largest, std::abs(sum[i]));
    }
    QVERIFY(largest > 0.5);
    QVERIFY2(worst < 1e-4, qPrintable(QString::number(worst)));
    // The slices are the weights times the kernel.
    QCOMPARE(full[9 + 4], -0.5 * -4);
  }

  void badKernelValueRefused() {
    KernelEditor e;
    QVERIFY(e.selectImage(QStringLiteral("shapes")));
    QVERIFY(e.selectKernel(QStringLiteral("sobel_y")));
    const std::vector<double> before = e.output();
    QString error;
    QVERIFY(!e.setKernel({1, 2, std::nan(""), 0, 0, 0, 0, 0, 0}, 3, &error));
    QVERIFY2(error.contains(QStringLiteral("between −100 and 100")), qPrintable(error));
    QVERIFY(e.output() == before);
    QVERIFY(!e.setKernel({1, 2, 1000, 0, 0, 0, 0, 0, 0}, 3, &error));
    QVERIFY(!e.setKernel({1, 2, 3}, 3, &error));
    QVERIFY(error.contains(QStringLiteral("9")));
    QVERIFY(e.output() == before);
    // Typed into a cell: refused with a message naming the cell, the output kept.
    QLineEdit* cell = e.cellEditor(1, 1);
    QVERIFY(cell);
    cell->setFocus();
    cell->selectAll();
    QTest::keyClicks(cell, QStringLiteral("nan"));
    QVERIFY2(e.errorText().contains(QStringLiteral("row 2, column 2")), qPrintable(e.errorText()));
    QVERIFY(e.output() == before);
    cell->selectAll();
    QTest::keyClicks(cell, QStringLiteral("50"));  // 5, then 50: both applied as typed
    QVERIFY(e.errorText().isEmpty());
    QCOMPARE(e.kernel()[4], 50.0);
    const std::vector<double> fifty = e.output();
    QVERIFY(fifty != before);
    QTest::keyClicks(cell, QStringLiteral("0"));  // 500: out of range
    QVERIFY2(e.errorText().contains(QStringLiteral("between −100 and 100")), qPrintable(e.errorText()));
    QCOMPARE(e.kernel()[4], 50.0);
    QVERIFY(e.output() == fifty);
    // A good value is applied and the message goes.
    cell->selectAll();
    QTest::keyClicks(cell, QStringLiteral("3"));
    QVERIFY(e.errorText().isEmpty());
    QCOMPARE(e.kernel()[4], 3.0);
    QVERIFY(e.output() != before);
  }

  void fiveByFiveKernels() {
    KernelEditor e;
    QVERIFY(e.setKernel(std::vector<double>(25, 0.04), 5));
    QCOMPARE(e.kernelSize(), 5);
    QVERIFY(e.cellEditor(4, 4));
    QVERIFY(e.selectKernel(QStringLiteral("gaussian")));
    double s = 0;
    for (double v : e.kernel()) s += v;
    QCOMPARE(s, 1.0);
    QVERIFY(e.selectKernel(QStringLiteral("sobel_x")));  // the 3×3 framed with zeros
    QCOMPARE(e.kernel()[0], 0.0);
    QCOMPARE(e.kernel()[6], -1.0);
    QVERIFY(!e.selectKernel(QStringLiteral("no such kernel")));
    QVERIFY(!e.selectImage(QStringLiteral("no such image")));
  }

  void everyControlExplainsItself() {
    ConvArithmeticView view;
    KernelEditor editor;
    for (QWidget* w : {static_cast<QWidget*>(&view), static_cast<QWidget*>(&editor)}) {
      QList<QWidget*> controls;
      for (QWidget* c : w->findChildren<QWidget*>())
        if (qobject_cast<QAbstractButton*>(c) || qobject_cast<QAbstractSpinBox*>(c) || qobject_cast<QComboBox*>(c) ||
            qobject_cast<QLineEdit*>(c) || qobject_cast<CellGrid*>(c))
          controls << c;
      QVERIFY(controls.size() > 10);
      for (QWidget* c : controls) {
        // A spin box's own line edit is part of it; the box carries the tip.
        // Qt's own parts (a tab bar's scroll arrows) are not the views' controls.
        if (qobject_cast<QAbstractSpinBox*>(c->parentWidget()) || qobject_cast<QComboBox*>(c->parentWidget()) ||
            qobject_cast<QTabBar*>(c->parentWidget()))
          continue;
        QVERIFY2(!c->toolTip().isEmpty(),
                 qPrintable(c->objectName() + QLatin1Char(' ') + c->metaObject()->className()));
        QVERIFY2(!c->objectName().isEmpty() || qobject_cast<QAbstractButton*>(c) == nullptr,
                 qPrintable(QStringLiteral("a button without objectName: ") + c->toolTip()));
      }
    }
  }

  void fitsAProjectorAt1024() {
    QFont old = QApplication::font();
    QFont f = old;
    f.setPointSizeF(13);  // the window's presentation font at 768 lines
    QApplication::setFont(f);
    ConvArithmeticView view;
    view.setPresentationMode(true);
    KernelEditor editor;
    editor.setPresentationMode(true);
    for (QWidget* w : {static_cast<QWidget*>(&view), static_cast<QWidget*>(&editor)}) {
      w->resize(1024, 700);
      w->show();
      QCoreApplication::processEvents();
      const QSize min = w->minimumSizeHint();
      QVERIFY2(
          min.width() <= 1024 && min.height() <= 700,
          qPrintable(QStringLiteral("%1: %2×%3").arg(w->metaObject()->className()).arg(min.width()).arg(min.height())));
      w->hide();
    }
    QApplication::setFont(old);
  }

  void pictures() {
    if (qEnvironmentVariable("DLPLAY_CNN_VIEWS_PNG").isEmpty()) QSKIP("set DLPLAY_CNN_VIEWS_PNG=dir to save pictures");
    // DLPLAY_CNN_VIEWS_QM=file.qm: the pictures in that translation too (the build's
    // dlplay_zh_CN.qm), to see that no text is cut in Chinese.
    QTranslator translator;
    const QString qm = qEnvironmentVariable("DLPLAY_CNN_VIEWS_QM");
    for (const bool translated : {false, true}) {
      if (translated && (qm.isEmpty() || !translator.load(qm) || !QCoreApplication::installTranslator(&translator)))
        break;
      for (bool presentation : {false, true}) {
        QFont f = QApplication::font();
        if (presentation) f.setPointSizeF(13);  // what the window's presentation mode sets
        QApplication::setFont(f);
        const QString suffix = QString(presentation ? QStringLiteral("-presentation") : QString()) +
                               QString(translated ? QStringLiteral("-tr") : QString());
        ConvArithmeticView view;
        view.setPresentationMode(presentation);
        view.setConvGeometry(7, 3, 2, 1, 1);
        view.stepWindow();
        view.stepWindow();
        for (int page = 0; page < 3; ++page) {
          view.pages()->setCurrentIndex(page);
          savePictures(&view, QStringLiteral("conv-page%1%2").arg(page).arg(suffix));
        }
        view.setConvGeometry(7, 7, 1, 0, 2);
        view.pages()->setCurrentIndex(0);
        savePictures(&view, QStringLiteral("conv-nofit%1").arg(suffix));
        KernelEditor e;
        e.setPresentationMode(presentation);
        e.selectImage(QStringLiteral("colour"));
        e.selectKernel(QStringLiteral("sobel_x"));
        savePictures(&e, QStringLiteral("kernel-colour%1").arg(suffix));
        e.selectImage(QStringLiteral("shapes"));
        savePictures(&e, QStringLiteral("kernel-shapes%1").arg(suffix));
        for (const int width : {1024}) {
          e.resize(width, 768);
          QCoreApplication::processEvents();
          QVERIFY(e.grab().save(qEnvironmentVariable("DLPLAY_CNN_VIEWS_PNG") +
                                QStringLiteral("/kernel-1024%1.png").arg(suffix)));
          view.resize(width, 768);
          QCoreApplication::processEvents();
          QVERIFY(view.grab().save(qEnvironmentVariable("DLPLAY_CNN_VIEWS_PNG") +
                                   QStringLiteral("/conv-1024%1.png").arg(suffix)));
        }
      }
    }
    QCoreApplication::removeTranslator(&translator);
  }
};

QTEST_MAIN(TestCnnViews)
#include "tst_ui_cnn_views.moc"
