// The CNN lab's convolution views (ui/labs/cnn/): the arithmetic view's output size and formula
// against the engine for every setting its controls allow, receptive fields and gridding, and the
// kernel editor's lessons — Sobel x sees only edges, a kernel has the input's depth, a bad weight
// is refused — and the Resampling tab's: its presets, from the Presets menu and from the note's
// Try it, show aliasing and the checkerboard in the numbers under the pictures.
// DLPLAY_CNN_VIEWS_PNG=/some/dir also saves pictures of the views at 1366×768.
#include "MainWindow.h"
#include "labs/cnn/CellGrid.h"
#include "labs/cnn/CnnLab.h"
#include "labs/cnn/ConvArithmeticView.h"
#include "labs/cnn/KernelEditor.h"
#include "labs/cnn/ResamplingView.h"
#include "notes/NotesDock.h"
#include "notes/NotesLibrary.h"

#include "io/PresetCatalog.h"

#include "nn/Conv2d.h"
#include "nn/ConvArithmetic.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QMenuBar>
#include <QSettings>
#include <QStackedWidget>
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

// The text of the numbers label under picture `panel` of the Resampling tab's page (0 down, 1 up),
// as the window shows it.
QString shownNumbers(QWidget* view, int page, int panel) {
  auto* l = view->findChild<QLabel*>(QStringLiteral("resampling%1Numbers%2").arg(page == 0 ? "Down" : "Up").arg(panel));
  return l && l->isVisible() ? l->text() : QStringLiteral("(not shown)");
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

  // ---- the Resampling tab ----

  // Each resampling preset, from the Presets menu and from the note's Try it button: the CNN lab
  // shows the Resampling tab at the preset's page, with its watch line and note, and the numbers
  // printed under the pictures hold the claim. The view is first put somewhere else (the other
  // page, another period or weights), so a preset that did not set it up would fail.
  void resamplingPresetsShowTheirClaim() {
    QCoreApplication::setOrganizationName(QStringLiteral("dlplay-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_cnn_views"));
    QSettings().clear();
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const QStringList presets = {QStringLiteral("cnn-downsample-aliasing"),
                                 QStringLiteral("cnn-downsample-false-stripes"),
                                 QStringLiteral("cnn-upsample-checkerboard")};
    for (const QString& name : presets) {
      const dlio::PresetEntry* entry = dlio::PresetCatalog::builtIn().entry(name);
      QVERIFY2(entry, qPrintable(name));
      QCOMPARE(entry->view, QStringLiteral("resampling"));
      QCOMPARE(entry->note, QStringLiteral("upsampling-downsampling"));
      QVERIFY(NotesLibrary::builtIn().note(entry->note)->presets.contains(name));
      for (const bool viaNote : {false, true}) {
        const QString where = name + (viaNote ? QStringLiteral(" (Try it): ") : QStringLiteral(" (menu): "));
        w.setLab(QStringLiteral("cnn"));
        auto* lab = qobject_cast<CnnLab*>(w.findChild<QStackedWidget*>(QStringLiteral("labStack"))->currentWidget());
        QVERIFY(lab);
        // Elsewhere first: the training tab, the resampling view on the other page and settings.
        lab->tabs()->setCurrentIndex(0);
        QVERIFY(lab->resampling()->showFocus(name.contains(QLatin1String("upsample"))
                                                 ? QStringLiteral("down:stripes:8")
                                                 : QStringLiteral("up:stripes:tent")));
        lab->resampling()->setEvenKernel(2);
        w.setLab(QStringLiteral("playground"));
        if (viaNote) {
          w.notesDock()->showNote(entry->note);
          auto* button = w.notesDock()->findChild<QPushButton*>(QStringLiteral("try:") + name);
          QVERIFY2(button, qPrintable(where + "no Try it button"));
          button->click();
        } else {
          QAction* a = w.menuBar()->findChild<QAction*>(name);
          QVERIFY2(a, qPrintable(where + "not in the Presets menu"));
          a->trigger();
        }
        QCOMPARE(w.currentLab(), QStringLiteral("cnn"));
        QCoreApplication::processEvents();
        ResamplingView* view = lab->resampling();
        QCOMPARE(lab->tabs()->currentWidget(), static_cast<QWidget*>(view));
        QVERIFY2(view->isVisible(), qPrintable(where));
        QVERIFY2(lab->watchLine()->isVisible(), qPrintable(where));
        QCOMPARE(lab->watchLine()->text(), NotesLibrary::builtIn().watchLine(name).in("en"));
        QCOMPARE(w.notesDock()->currentNoteId(), entry->note);
        const auto lesson = [&](int page) {
          auto* l = view->findChild<QLabel*>(page == 0 ? QStringLiteral("resamplingDownLesson")
                                                       : QStringLiteral("resamplingUpLesson"));
          return l && l->isVisible() ? l->text() : QString();
        };
        if (name == QLatin1String("cnn-downsample-aliasing")) {
          QCOMPARE(view->pages()->currentIndex(), 0);
          QCOMPARE(view->period(), 2.0);
          QCOMPARE(shownNumbers(view, 0, 0), QStringLiteral("mean 0.50\ncontrast 1.00\nstripes every 2 px"));
          // Subsampled: flat white; averaged: flat mid-grey; max-pooled: flat white; blurred first: grey.
          QCOMPARE(shownNumbers(view, 0, 1), QStringLiteral("mean 1.00\ncontrast 0.00\nno stripes: flat"));
          QCOMPARE(shownNumbers(view, 0, 2), QStringLiteral("mean 0.50\ncontrast 0.00\nno stripes: flat"));
          QCOMPARE(shownNumbers(view, 0, 3), QStringLiteral("mean 1.00\ncontrast 0.00\nno stripes: flat"));
          QCOMPARE(shownNumbers(view, 0, 4), QStringLiteral("mean 0.50\ncontrast 0.00\nno stripes: flat"));
          QVERIFY2(
              lesson(0).contains(QStringLiteral("FLAT image (all 1.00)")) && lesson(0).contains(QStringLiteral("0.50")),
              qPrintable(where + lesson(0)));
          // What is painted is the engine's output: every subsampled pixel white.
          for (double v : view->downOutput(0).values) QCOMPARE(v, 1.0);
        } else if (name == QLatin1String("cnn-downsample-false-stripes")) {
          QCOMPARE(view->pages()->currentIndex(), 0);
          QCOMPARE(view->period(), 2.5);
          QVERIFY2(shownNumbers(view, 0, 0).endsWith(QStringLiteral("stripes every 2.5 px")),
                   qPrintable(shownNumbers(view, 0, 0)));
          QCOMPARE(shownNumbers(view, 0, 1), QStringLiteral("mean 0.50\ncontrast 0.90\nstripes every 10 px"));
          const double sub =
              view->downOutput(0).values.empty() ? 0 : dl::resampling::measure(view->downOutput(0)).contrast();
          for (int i : {1, 3}) {
            const double c = dl::resampling::measure(view->downOutput(i)).contrast();
            QVERIFY2(c < 0.5 * sub,
                     qPrintable(QStringLiteral("%1way %2: contrast %3 against %4").arg(where).arg(i).arg(c).arg(sub)));
          }
          QVERIFY2(lesson(0).contains(QStringLiteral("FALSE stripes every 10 px")), qPrintable(where + lesson(0)));
        } else {
          QCOMPARE(view->pages()->currentIndex(), 1);
          QVERIFY(view->weights() == dl::resampling::Weights::Equal);
          QCOMPARE(shownNumbers(view, 1, 0), QStringLiteral("inside: 1.00 to 1.00\nmax/min 1.00"));
          QCOMPARE(shownNumbers(view, 1, 1), QStringLiteral("inside: 1.00 to 1.00\nmax/min 1.00"));
          QCOMPARE(shownNumbers(view, 1, 2), QStringLiteral("inside: 1.00 to 1.00\nmax/min 1.00"));
          QCOMPARE(shownNumbers(view, 1, 3), QStringLiteral("inside: 1.00 to 4.00\nmax/min 4.00"));
          QVERIFY(view->titleText(1, 3).contains(QStringLiteral("k = 3")));
          // The preset shows kernel 4 beside kernel 3 (the view was left on kernel 2).
          QVERIFY2(view->titleText(1, 4).contains(QStringLiteral("k = 4")), qPrintable(view->titleText(1, 4)));
          QCOMPARE(shownNumbers(view, 1, 4), QStringLiteral("inside: 4.00 to 4.00\nmax/min 1.00"));
          QVERIFY2(
              lesson(1).contains(QStringLiteral("max/min 4.00")) && lesson(1).contains(QStringLiteral("max/min 1.00")),
              qPrintable(where + lesson(1)));
        }
      }
    }
    QSettings().clear();
  }

  // The period: 2 to 16 px; anything else is refused with a message, the pictures unchanged.
  void resamplingRefusesBadPeriods() {
    ResamplingView view;
    QVERIFY(view.setPeriod(4));
    const std::vector<double> before = view.downOutput(0).values;
    for (double bad : {1.5, 0.0, -2.0, 17.0, std::nan("")}) {
      QString error;
      QVERIFY(!view.setPeriod(bad, &error));
      QVERIFY2(error.contains(QStringLiteral("between 2 and 16")) && error.contains(QStringLiteral("period 4 px")),
               qPrintable(error));
      QCOMPARE(view.errorText(), error);
      QCOMPARE(view.period(), 4.0);
      QCOMPARE(view.downOutput(0).values, before);
    }
    QVERIFY(view.setPeriod(8));
    QVERIFY(view.errorText().isEmpty());
    QString error;
    QVERIFY(!view.showFocus(QStringLiteral("down:stripes:1"), &error));
    QVERIFY2(error.contains(QStringLiteral("down:stripes:1")), qPrintable(error));
    QVERIFY(!view.showFocus(QStringLiteral("sideways"), &error));
    QCOMPARE(view.period(), 8.0);
    QVERIFY(!view.selectDownImage(QStringLiteral("no such image")));
    QVERIFY(!view.selectUpImage(QStringLiteral("no such image")));
    QVERIFY(!view.setEvenKernel(3));
    // Longer periods survive halving: the subsampled stripes keep period 8.
    QVERIFY(view.numbersText(0, 1).endsWith(QStringLiteral("stripes every 8 px")));
    // The digit and the zone plate, and the tent weights: flat inside for every kernel.
    QVERIFY(view.selectDownImage(QStringLiteral("zoneplate")));
    QVERIFY(view.selectDownImage(QStringLiteral("digit")));
    QVERIFY(view.selectUpImage(QStringLiteral("digit")));
    QVERIFY(view.selectUpImage(QStringLiteral("constant")));
    view.setWeights(dl::resampling::Weights::Tent);
    QCOMPARE(view.numbersText(1, 3), QStringLiteral("inside: 1.00 to 1.00\nmax/min 1.00"));
  }

  void everyControlExplainsItself() {
    ConvArithmeticView view;
    KernelEditor editor;
    ResamplingView resampling;
    for (QWidget* w :
         {static_cast<QWidget*>(&view), static_cast<QWidget*>(&editor), static_cast<QWidget*>(&resampling)}) {
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
    ResamplingView resampling;
    resampling.setPresentationMode(true);
    for (QWidget* w :
         {static_cast<QWidget*>(&view), static_cast<QWidget*>(&editor), static_cast<QWidget*>(&resampling)}) {
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
        ResamplingView r;
        r.setPresentationMode(presentation);
        for (const char* focus : {"down:stripes:2", "down:stripes:2.5", "up:constant:equal"}) {
          QVERIFY(r.showFocus(QString::fromLatin1(focus)));
          const QString base = QStringLiteral("resampling-%1")
                                   .arg(QString::fromLatin1(focus).replace(QLatin1Char(':'), QLatin1Char('-')));
          savePictures(&r, base + suffix);
          r.resize(1024, 768);
          QCoreApplication::processEvents();
          QVERIFY(r.grab().save(qEnvironmentVariable("DLPLAY_CNN_VIEWS_PNG") + QLatin1Char('/') + base +
                                QStringLiteral("-1024") + suffix + QStringLiteral(".png")));
        }
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
