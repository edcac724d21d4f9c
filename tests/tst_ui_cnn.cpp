// The CNN lab in the window (offscreen): every CNN preset opens in the lab from the Presets menu
// and from the notes' Try it, trains to the step its claim is measured at, and the score board
// then shows the claim itself (the dense network losing more to a 1-pixel shift than the CNN
// beside it, shuffled pixels costing the CNN and not the MLP, shift augmentation paying off,
// frozen features pretrained on 0–4 losing to scratch on a few shots of 5–9) with
// the numbers the headless trainer computes. Also: the filters and feature maps are the network's,
// a frozen layer's filters stay put, a drawn digit is classified, pooling changes less than the
// convolution under a shift, and a broken CNN file leaves the run going.
#include "MainWindow.h"
#include "UserRoutes.h"
#include "labs/cnn/CnnLab.h"
#include "labs/cnn/ArchitectureView.h"
#include "labs/cnn/ConvArithmeticView.h"
#include "labs/cnn/ImageViews.h"
#include "labs/cnn/KernelEditor.h"
#include "labs/cnn/ResamplingView.h"
#include "widgets/ClassPicker.h"
#include "notes/NotesDock.h"
#include "notes/NotesLibrary.h"

#include "io/CnnIo.h"
#include "io/PresetCatalog.h"
#include "io/Presets.h"

#include "BarImages.h"

#include <QAction>
#include <QLineSeries>
#include "plots/LineChart.h"
#include "plots/Trace.h"
#include <QComboBox>
#include <QJsonObject>
#include <QSpinBox>
#include <QToolButton>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QMimeData>
#include <QDropEvent>
#include <QWindow>
#include <QPainter>
#include <QUrl>
#include <QElapsedTimer>
#include <QTest>

#include <cmath>

#include <sys/stat.h>

using namespace dlui;

namespace {

constexpr int kTrainMs = 240000;
constexpr double kTransferLoss = 0.01;  // scratch over frozen pretrained features (docs/presets.md), at least
constexpr double kFineTuneGain = 0.01;  // fine-tuning every layer over freezing the convolutions, at least

CnnLab* cnnLab(MainWindow& w) {
  return qobject_cast<CnnLab*>(w.findChild<QStackedWidget*>(QStringLiteral("labStack"))->currentWidget());
}

// The percentage the score board shows for an accuracy.
QString shown(double v) { return QString::number(100.0 * v, 'f', 1) + QLatin1Char('%'); }

// The preset trained headless, as `dlplay --headless --lab cnn` does: test accuracy, and on the
// configuration's changed test images.
std::pair<double, double> headless(const QString& preset) {
  const dl::CnnConfig c = dlio::readCnnPreset(preset);
  dl::CnnTrainer t(c, dlio::loadCnnData(c.data));
  for (long long k = 0; k < c.training.steps; ++k) t.step();
  const double changed = t.testChange().none() ? -1 : t.evaluate(dl::CnnSplit::Test, t.testChange()).accuracy;
  return {t.evaluate(dl::CnnSplit::Test).accuracy, changed};
}

std::vector<float> firstFilter(CnnLab* lab) {
  const auto& rows = lab->filters()->rows();
  if (rows.empty() || rows[0].tiles.empty()) return {};
  return rows[0].tiles[0].values;
}

}  // namespace

class TestUiCnn : public QObject {
  Q_OBJECT
private slots:
  void initTestCase() {
    QCoreApplication::setOrganizationName(QStringLiteral("dlplay-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_cnn"));
    QSettings().clear();
  }
  void cleanupTestCase() { QSettings().clear(); }

  // Every CNN preset, half from the Presets menu and half from its note's Try it: the CNN lab is
  // shown with the preset (and the run its claim is against), training, with its watch line and
  // its note open; trained to the claim's step, the score board holds the claim.
  void presetsShowTheirClaim() {
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const dlio::PresetCatalog& catalog = dlio::PresetCatalog::builtIn();
    const QStringList presets = dlio::presetNames(QStringLiteral("cnn"));
    QVERIFY(presets.size() >= 15);
    int viaNotes = 0;
    for (qsizetype i = 0; i < presets.size(); ++i) {
      const QString name = presets[i];
      if (name.contains(QStringLiteral("fashion"))) continue;  // trained by the benchmark, not here
      w.setLab(QStringLiteral("playground"));
      const dlio::PresetEntry* entry = catalog.entry(name);
      QVERIFY(entry);
      const int route = openPresetAsAUser(w, name, i % 2 != 0, !entry->note.isEmpty());
      QVERIFY2(route >= 0, qPrintable(name + " is not in the Presets menu"));
      viaNotes += route;
      QCOMPARE(w.currentLab(), QStringLiteral("cnn"));
      CnnLab* lab = cnnLab(w);
      QVERIFY(lab);
      if (entry->view != QLatin1String("scores")) {
        // A preset about the operation: its tab, showing the claim, with its watch line above it.
        QVERIFY2(lab->watchLine()->isVisible(), qPrintable(name));
        QCOMPARE(lab->watchLine()->text(), NotesLibrary::builtIn().watchLine(name).in("en"));
        QCOMPARE(w.notesDock()->currentNoteId(), entry->note);
        const QString tab = lab->tabs()->currentWidget()->objectName();
        QCOMPARE(tab, QStringLiteral("cnn") + entry->view.left(1).toUpper() + entry->view.mid(1));
        const auto lesson = [&] {
          return lab->architecture()->findChild<QLabel*>(QStringLiteral("archLesson"))->text();
        };
        if (name == QLatin1String("cnn-conv-window")) {
          QCOMPARE(lab->convolution()->outputSize(), 4);
          QVERIFY(lab->convolution()->formulaText().endsWith(QStringLiteral("= 4")));
        } else if (name == QLatin1String("cnn-dilation-stack")) {
          QCOMPARE(lab->convolution()->stackReceptiveField(), 15);
          const std::vector<bool> seen = lab->convolution()->stackInfluence();
          QCOMPARE(std::count(seen.begin(), seen.end(), true), 225);
        } else if (name == QLatin1String("cnn-dilation-gridding")) {
          QCOMPARE(lab->convolution()->pages()->currentIndex(), 2);
          QCOMPARE(lab->convolution()->griddingHoles(0), 120LL);
          QCOMPARE(lab->convolution()->griddingHoles(1), 0LL);
        } else if (name == QLatin1String("cnn-sobel-edges")) {
          const std::vector<double>& out = lab->kernels()->output();
          const auto flat = std::count(out.begin(), out.end(), 0.0);
          QVERIFY2(flat > static_cast<long>(out.size()) / 2 && flat < static_cast<long>(out.size()),
                   qPrintable(QStringLiteral("%1 of %2 zero").arg(flat).arg(out.size())));
        } else if (name == QLatin1String("cnn-kernel-depth")) {
          QCOMPARE(lab->kernels()->imageChannels(), 3);
          QCOMPARE(lab->kernels()->layerKernel().size(), std::size_t{27});
          QCOMPARE(lab->kernels()->output().size(),
                   static_cast<std::size_t>(lab->kernels()->outputHeight() * lab->kernels()->outputWidth()));
        } else if (name == QLatin1String("cnn-downsample-aliasing")) {
          // (tst_ui_cnn_views checks the numbers under every picture.)
          QCOMPARE(lab->resampling()->numbersText(0, 1), QStringLiteral("mean 1.00\ncontrast 0.00\nno stripes: flat"));
          QCOMPARE(lab->resampling()->numbersText(0, 2), QStringLiteral("mean 0.50\ncontrast 0.00\nno stripes: flat"));
        } else if (name == QLatin1String("cnn-downsample-false-stripes")) {
          QVERIFY(lab->resampling()->numbersText(0, 1).endsWith(QStringLiteral("stripes every 10 px")));
        } else if (name == QLatin1String("cnn-upsample-checkerboard")) {
          QCOMPARE(lab->resampling()->numbersText(1, 3), QStringLiteral("inside: 1.00 to 4.00\nmax/min 4.00"));
          QCOMPARE(lab->resampling()->numbersText(1, 4), QStringLiteral("inside: 4.00 to 4.00\nmax/min 1.00"));
        } else if (name == QLatin1String("cnn-small-kernels")) {
          QVERIFY2(lesson().contains(QStringLiteral("110,592")) && lesson().contains(QStringLiteral("200,704")),
                   qPrintable(lesson()));
        } else if (name == QLatin1String("cnn-bottleneck")) {
          QVERIFY2(lesson().contains(QStringLiteral("53,248")) && lesson().contains(QStringLiteral("147,456")),
                   qPrintable(lesson()));
        } else if (name == QLatin1String("cnn-weight-sharing")) {
          QVERIFY2(lesson().contains(QStringLiteral("432")) && lesson().contains(QStringLiteral("442,368")),
                   qPrintable(lesson()));
        } else {
          QFAIL(qPrintable(name + ": no claim checked"));
        }
        continue;
      }
      QCOMPARE(QString::fromStdString(lab->config().name), name);
      QCOMPARE(lab->comparison().has_value(), !entry->compare.isEmpty());
      QVERIFY2(lab->running(), qPrintable(name));
      QCOMPARE(lab->tabs()->currentIndex(), 0);
      if (!entry->note.isEmpty()) {
        QCOMPARE(w.notesDock()->currentNoteId(), entry->note);
        QVERIFY2(lab->watchLine()->isVisible(), qPrintable(name));
        QCOMPARE(lab->watchLine()->text(), NotesLibrary::builtIn().watchLine(name).in("en"));
      }
      QVERIFY2(lab->finish(kTrainMs), qPrintable(name));
      QVERIFY(!lab->running());
      const auto& v = lab->runViews();
      for (std::size_t r = 0; r < v.size(); ++r) {
        QCOMPARE(v[r].step, lab->config().training.steps);
        QVERIFY(!v[r].divergence);
        // What the board says is the run's number.
        QCOMPARE(lab->scoreText(static_cast<int>(r), 1), shown(v[r].testAccuracy));
        if (v[r].changedAccuracy >= 0) QCOMPARE(lab->scoreText(static_cast<int>(r), 2), shown(v[r].changedAccuracy));
      }
      // The claims (docs/presets.md, "CNN lab"), as the screen shows them.
      const auto loss = [&](int r) { return v[r].testAccuracy - v[r].changedAccuracy; };
      if (name == QLatin1String("cnn-digits-lenet")) {
        QVERIFY(v[0].testAccuracy >= 0.95);
        QVERIFY(v[0].changedAccuracy < v[0].testAccuracy - 0.1);
        // The window trains exactly the headless run.
        const auto [test, changed] = headless(name);
        QCOMPARE(v[0].testAccuracy, test);
        QCOMPARE(v[0].changedAccuracy, changed);
      } else if (name == QLatin1String("cnn-digits-mlp")) {
        QCOMPARE(v.size(), std::size_t{2});  // the MLP and the CNN beside it
        QVERIFY2(loss(0) >= loss(1) + 0.05, qPrintable(QStringLiteral("MLP loses %1, CNN %2").arg(loss(0)).arg(loss(1))));
      } else if (name == QLatin1String("cnn-shuffled-pixels")) {
        QVERIFY2(v[1].testAccuracy - v[0].testAccuracy >= 0.08,
                 qPrintable(QStringLiteral("%1 against %2").arg(v[0].testAccuracy).arg(v[1].testAccuracy)));
      } else if (name == QLatin1String("cnn-mlp-shuffled-pixels")) {
        QVERIFY(std::abs(v[1].testAccuracy - v[0].testAccuracy) <= 0.02);
      } else if (name == QLatin1String("cnn-augment-shift")) {
        QVERIFY(v[0].changedAccuracy >= v[1].changedAccuracy + 0.15);
      } else if (name == QLatin1String("cnn-shapes-lenet")) {
        QVERIFY(v[0].testAccuracy >= 0.95);
      } else if (name == QLatin1String("cnn-shapes-mlp")) {
        QCOMPARE(v.size(), std::size_t{2});  // beside the small LeNet
        QVERIFY(v[0].testAccuracy <= v[1].testAccuracy - 0.05);
      } else if (name == QLatin1String("cnn-transfer-frozen")) {
        QCOMPARE(v.size(), std::size_t{2});  // beside the same network from scratch: negative transfer
        QVERIFY2(v[0].testAccuracy <= v[1].testAccuracy - kTransferLoss,
                 qPrintable(QStringLiteral("frozen %1, scratch %2").arg(v[0].testAccuracy).arg(v[1].testAccuracy)));
      } else if (name == QLatin1String("cnn-transfer-finetune")) {
        QCOMPARE(v.size(), std::size_t{2});  // beside the frozen features
        QVERIFY2(v[0].testAccuracy >= v[1].testAccuracy + kFineTuneGain,
                 qPrintable(QStringLiteral("fine-tuned %1, frozen %2").arg(v[0].testAccuracy).arg(v[1].testAccuracy)));
      } else if (name == QLatin1String("cnn-transfer-scratch")) {
        QVERIFY(v[0].testAccuracy >= 0.8);
      }
      // The mistakes gallery has as many pictures as the confusion matrix has wrong answers (up to its cap).
      const Eigen::MatrixXi& m = lab->confusion()->matrix();
      const dl::CnnDataConfig& d = lab->config().data;
      QCOMPARE(m.sum(), static_cast<int>(dl::selectCnnClasses(dlio::loadCnnData(d), d.classes, d.perClass, "data.classes")
                                             ->parts.test.size()));
      const long long wrong = m.sum() - m.trace();
      const auto& gallery = lab->mistakes()->rows();
      const long long tiles = gallery.empty() ? 0 : static_cast<long long>(gallery[0].tiles.size());
      QCOMPARE(tiles, std::min<long long>(wrong, CnnTestReport::kMaxMisses));
    }
    QVERIFY(viaNotes > 0);
  }

  // The transfer preset, from its note's Try it and from the Presets menu: the same two runs. While
  // the first run pretrains, the board and the run panel say so and the test part is the task's
  // (5–9); at the switch the convolutions' "frozen" boxes tick themselves; at step 500 the frozen
  // features are below scratch (negative transfer), exactly as headless.
  void transferPhaseOnScreen() {
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const QString name = QStringLiteral("cnn-transfer-frozen");
    std::vector<double> accuracies[2];
    for (int route = 0; route < 2; ++route) {
      w.setLab(QStringLiteral("playground"));
      if (route == 0) {
        emit w.notesDock()->tryPreset(name);
        QCOMPARE(w.notesDock()->currentNoteId(), QStringLiteral("transfer-learning"));
      } else {
        QAction* a = w.menuBar()->findChild<QAction*>(name);
        QVERIFY(a);
        a->trigger();
      }
      CnnLab* lab = cnnLab(w);
      QVERIFY(lab);
      QCOMPARE(QString::fromStdString(lab->config().name), name);
      QCOMPARE(QString::fromStdString(lab->comparison()->name), QStringLiteral("cnn-transfer-scratch"));
      QCOMPARE(lab->watchLine()->text(), NotesLibrary::builtIn().watchLine(name).in("en"));
      QVERIFY(lab->watchLine()->text().contains(QStringLiteral("negative transfer")));
      lab->togglePlay();  // paused, to look at the pretraining phase
      QTRY_VERIFY(!lab->running());
      lab->stepOnce();
      QTRY_VERIFY(lab->runViews()[0].step >= 1);
      const long long pre = lab->config().pretrain.steps;
      QVERIFY(lab->runViews()[0].step < pre);
      QVERIFY2(lab->scoreText(0, 4).contains(QStringLiteral("pretraining")), qPrintable(lab->scoreText(0, 4)));
      QVERIFY(!lab->scoreText(1, 4).contains(QStringLiteral("pretraining")));  // scratch has no such phase
      const QString status = lab->findChild<QLabel*>(QStringLiteral("cnnStatus"))->text();
      QVERIFY2(status.contains(QStringLiteral("pretraining on classes 0, 1, 2, 3, 4")) &&
                   status.contains(QStringLiteral("Now pretraining")),
               qPrintable(status));
      QVERIFY(lab->findChild<QLabel*>(QStringLiteral("cnnChartKey"))->text().contains(QStringLiteral("step 300")));
      QTRY_COMPARE(lab->confusion()->matrix().rows(), 5);  // the task's five classes
      QVERIFY(lab->finish(kTrainMs));
      const auto& v = lab->runViews();
      QCOMPARE(v[0].step, 500LL);
      QVERIFY(!lab->scoreText(0, 4).contains(QStringLiteral("pretraining")));
      QVERIFY(!lab->findChild<QLabel*>(QStringLiteral("cnnStatus"))->text().contains(QStringLiteral("Now pretraining")));
      // The layer table shows what the switch froze.
      QVERIFY(lab->layerFrozen(0) && lab->layerFrozen(1) && !lab->layerFrozen(2));
      QVERIFY(v[0].testAccuracy <= v[1].testAccuracy - kTransferLoss);
      accuracies[route] = {v[0].testAccuracy, v[1].testAccuracy};
    }
    QCOMPARE(accuracies[0], accuracies[1]);
    QCOMPARE(accuracies[0][0], headless(name).first);
    QCOMPARE(accuracies[0][1], headless(QStringLiteral("cnn-transfer-scratch")).first);
  }

  // The transfer box builds what the transfer presets are, by clicks: it shows a loaded preset's
  // task and pretraining; on the from-scratch preset, choosing "pretrain 300 steps on 0–4, then a
  // new last layer with the rest frozen" gives exactly the frozen preset's configuration, and
  // training it shows the negative transfer (below scratch, the headless frozen number). Classes
  // picked on the default network give it one output per class. A pretraining with more classes
  // than the task is refused in one line naming the field, the choice stays to be corrected, and
  // the run goes on untouched.
  void transferSettingsInThePanel() {
    CnnLab lab;
    lab.resize(1366, 768);
    lab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&lab));
    auto* task = lab.findChild<ClassPicker*>(QStringLiteral("cnnTaskClasses"));
    auto* pre = lab.findChild<ClassPicker*>(QStringLiteral("cnnPretrainClasses"));
    auto* shots = lab.findChild<QSpinBox*>(QStringLiteral("cnnShots"));
    auto* preSteps = lab.findChild<QSpinBox*>(QStringLiteral("cnnPretrainSteps"));
    auto* after = lab.findChild<QComboBox*>(QStringLiteral("cnnAfterPretraining"));
    auto* apply = lab.findChild<QPushButton*>(QStringLiteral("cnnTransferApply"));
    auto* error = lab.findChild<QLabel*>(QStringLiteral("cnnTransferError"));
    QVERIFY(task && pre && shots && preSteps && after && apply && error);
    const auto chooseAfter = [&](const QString& mode) {
      const int i = after->findData(mode);
      QVERIFY(i >= 0);
      after->setCurrentIndex(i);
      emit after->activated(i);
    };
    QString why;
    const auto shows = [&](const QString& preset, const std::vector<int>& classes, int perClass, int steps,
                           const std::vector<int>& preClasses, const QString& mode) {
      QVERIFY2(lab.loadPreset(preset, &why), qPrintable(why));
      QCOMPARE(task->classCount(), 10);
      QCOMPARE(task->chosen(), classes);
      QCOMPARE(shots->value(), perClass);
      QCOMPARE(preSteps->value(), steps);
      QCOMPARE(pre->chosen(), preClasses);
      QCOMPARE(pre->isEnabled(), steps > 0);
      if (steps > 0) QCOMPARE(after->currentData().toString(), mode);
      QVERIFY(!apply->isEnabled());  // nothing to apply: the box is what runs
    };
    shows(QStringLiteral("cnn-transfer-frozen"), {5, 6, 7, 8, 9}, 5, 300, {0, 1, 2, 3, 4}, QStringLiteral("frozen"));
    shows(QStringLiteral("cnn-transfer-finetune"), {5, 6, 7, 8, 9}, 5, 300, {0, 1, 2, 3, 4}, QStringLiteral("finetune"));
    shows(QStringLiteral("cnn-transfer-scratch"), {5, 6, 7, 8, 9}, 5, 0, {}, QString());

    // From scratch → pretrained and frozen, by clicks.
    preSteps->setValue(300);
    QVERIFY(pre->isEnabled() && apply->isEnabled());
    for (int c = 0; c < 5; ++c) QTest::mouseClick(pre->button(c), Qt::LeftButton);
    chooseAfter(QStringLiteral("frozen"));
    QVERIFY(lab.config().pretrain.steps == 0);  // nothing restarts before the button
    QTest::mouseClick(apply, Qt::LeftButton);
    QVERIFY(!error->isVisible());
    dl::CnnConfig expected = dlio::readCnnPreset(QStringLiteral("cnn-transfer-frozen"));
    dl::CnnConfig got = lab.config();
    QVERIFY(got.pretrain == expected.pretrain);
    QVERIFY(got.data == expected.data);
    got.name = expected.name;
    got.description = expected.description;
    QCOMPARE(dlio::cnnToJson(got), dlio::cnnToJson(expected));
    QVERIFY(lab.config().name.empty());  // no longer the from-scratch preset: the board does not call it that
    QVERIFY(!apply->isEnabled());
    QVERIFY(lab.finish(kTrainMs));
    // The charts show this run alone: its steps from 1 on, none of the run it replaced.
    QTest::qWait(100);
    for (int i = 0; i < lab.lossChart()->lineCount(); ++i) {
      const QList<QPointF> points = lab.lossChart()->line(i).series()->points();
      QVERIFY(!points.isEmpty());
      for (qsizetype k = 1; k < points.size(); ++k) QVERIFY2(points[k].x() > points[k - 1].x(), qPrintable(QString::number(k)));
    }
    const double frozen = lab.runViews()[0].testAccuracy;
    QCOMPARE(frozen, headless(QStringLiteral("cnn-transfer-frozen")).first);
    QVERIFY(frozen <= headless(QStringLiteral("cnn-transfer-scratch")).first - kTransferLoss);

    // More pretraining classes than the task's five outputs: refused, nothing lost.
    lab.togglePlay();  // goes on past the pause step
    QTRY_VERIFY(lab.running());
    QTest::mouseClick(pre->button(5), Qt::LeftButton);
    const QJsonObject before = dlio::cnnToJson(lab.config());
    QVERIFY(!lab.applyTransfer());
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("pretrain.classes")) && !error->text().contains(QLatin1Char('\n')),
             qPrintable(error->text()));
    QCOMPARE(pre->chosen(), (std::vector<int>{0, 1, 2, 3, 4, 5}));  // kept, to be corrected
    QCOMPARE(dlio::cnnToJson(lab.config()), before);
    const long long at = lab.runViews()[0].step;
    QTRY_VERIFY(lab.runViews()[0].step > at);  // the run trains on
    QTest::mouseClick(pre->button(5), Qt::LeftButton);
    QVERIFY(!error->isVisible());

    // Two digits on the default network: two outputs, a 2×2 confusion matrix.
    QVERIFY2(lab.loadPreset(QStringLiteral("cnn-digits-lenet"), &why), qPrintable(why));
    QVERIFY(task->chosen().empty());
    QTest::mouseClick(task->button(3), Qt::LeftButton);
    QTest::mouseClick(task->button(8), Qt::LeftButton);
    shots->setValue(20);
    QVERIFY(lab.applyTransfer());
    QCOMPARE(lab.config().data.classes, (std::vector<int>{3, 8}));
    QCOMPARE(lab.config().data.perClass, 20);
    QCOMPARE(lab.config().layers.back().units, dl::Index{2});
    QTRY_COMPARE(lab.confusion()->matrix().rows(), 2);
  }

  // The pictures are the network's: the first layer's kernels are its weights; a frozen layer's
  // filters stay put while training goes on, and "New weights" changes them.
  void filtersFreezeAndReinitialise() {
    CnnLab lab;
    lab.resize(1366, 768);
    lab.show();
    QString error;
    QVERIFY2(lab.loadPreset(QStringLiteral("cnn-digits-lenet"), &error), qPrintable(error));
    lab.togglePlay();  // paused
    QTRY_VERIFY(!lab.running());
    QTest::qWait(300);  // the snapshots of the steps taken before the pause
    const long long s0 = lab.runViews()[0].step;
    QCOMPARE(lab.filters()->rows().size(), std::size_t{1});
    QCOMPARE(lab.filters()->rows()[0].tiles.size(), std::size_t{8});  // 8 kernels of 3×3
    QCOMPARE(lab.filters()->rows()[0].tiles[0].values.size(), std::size_t{9});
    lab.setLayerFrozen(0, true);
    const std::vector<float> before = firstFilter(&lab);
    for (int k = 0; k < 20; ++k) lab.stepOnce();
    QTRY_COMPARE(lab.runViews()[0].step, s0 + 20);
    QCOMPARE(firstFilter(&lab), before);
    lab.setLayerFrozen(0, false);
    for (int k = 0; k < 5; ++k) lab.stepOnce();
    QTRY_COMPARE(lab.runViews()[0].step, s0 + 25);
    QVERIFY(firstFilter(&lab) != before);
    const std::vector<float> trained = firstFilter(&lab);
    lab.reinitializeLayer(0);
    lab.stepOnce();
    QTRY_COMPARE(lab.runViews()[0].step, s0 + 26);
    QVERIFY(firstFilter(&lab) != trained);
    // The feature maps: the input, then each layer's maps (8 of 8×8 after the first convolution).
    const auto& maps = lab.featureMaps()->rows();
    QVERIFY(maps.size() >= 4);
    QCOMPARE(maps[0].tiles.size(), std::size_t{1});
    QCOMPARE(maps[1].tiles.size(), std::size_t{8});
    QCOMPARE(maps[1].tiles[0].h, 8);
  }

  // A digit drawn on the canvas is classified by the trained network: a vertical stroke is a 1, and
  // the test image copied onto the canvas keeps the network's answer for it. Under a 1-pixel shift,
  // the max-pooled maps change less than the convolution's (the lab's measured readout), averaged
  // over test images.
  void drawnDigitAndPooling() {
    CnnLab lab;
    lab.resize(1366, 768);
    lab.show();
    QString error;
    QVERIFY2(lab.loadPreset(QStringLiteral("cnn-digits-lenet"), &error), qPrintable(error));
    QVERIFY(lab.finish(kTrainMs));
    lab.views()->setCurrentIndex(2);
    lab.canvas()->stroke({{0.5, 0.15}, {0.5, 0.5}, {0.5, 0.85}});
    const auto& p = lab.drawnBars()->probabilities();
    QCOMPARE(p.size(), std::size_t{1});
    QCOMPARE(p[0].size(), std::size_t{10});
    double sum = 0;
    for (float x : p[0]) sum += x;
    QVERIFY(std::abs(sum - 1) < 1e-4);
    const int best = static_cast<int>(std::max_element(p[0].begin(), p[0].end()) - p[0].begin());
    QCOMPARE(best, 1);
    lab.canvas()->clear();
    QVERIFY(lab.drawnBars()->probabilities().empty());

    double conv = 0, pooled = 0;
    lab.setShift(1, 0);
    for (int i = 0; i < 40; ++i) {
      lab.selectImage(i);
      const auto& c = lab.shiftChanges();
      QCOMPARE(c.size(), std::size_t{1});
      QVERIFY(c[0].conv > 0 && c[0].pooled > 0);
      conv += c[0].conv;
      pooled += c[0].pooled;
    }
    QVERIFY2(pooled < 0.9 * conv, qPrintable(QStringLiteral("conv %1, pooled %2").arg(conv / 40).arg(pooled / 40)));
    // No shift, no change.
    lab.setShift(0, 0);
    QCOMPARE(lab.shiftChanges()[0].conv, 0.0);
  }

  // A broken CNN file (a learning rate of 1e9, a layer of width 0, not JSON) is refused in one line
  // naming the file and the field, and the run shown goes on with its settings.
  // Loading Fashion-MNIST (70,000 images) takes seconds: the window keeps painting and running its
  // timers meanwhile (a 10 ms timer never waits long), and says what it is loading.
  void fashionLoadsWithoutFreezing() {
    CnnLab lab;
    lab.resize(1366, 768);
    lab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&lab));
    QString error;
    QVERIFY(lab.loadPreset(QStringLiteral("cnn-digits-lenet"), &error));
    auto* banner = lab.findChild<QLabel*>(QStringLiteral("cnnBanner"));
    QVERIFY(banner);
    QElapsedTimer clock;
    qint64 last = 0, longestGap = 0;
    bool sawLoading = false;
    QTimer tick;
    tick.setInterval(10);
    connect(&tick, &QTimer::timeout, &lab, [&] {
      const qint64 now = clock.elapsed();
      longestGap = std::max(longestGap, now - last);
      last = now;
      sawLoading = sawLoading || (banner->isVisible() && banner->text().startsWith(QStringLiteral("Loading")));
    });
    clock.start();
    tick.start();
    QVERIFY2(lab.loadPreset(QStringLiteral("cnn-fashion-lenet"), &error), qPrintable(error));
    tick.stop();
    const qint64 total = clock.elapsed();
    if (lab.config().data.source != "fashion-mnist") QSKIP("Fashion-MNIST is not installed");
    qInfo("Fashion-MNIST preset loaded in %lld ms; longest wait of a 10 ms timer: %lld ms", total, longestGap);
    QVERIFY(sawLoading);
    QVERIFY2(longestGap < 250, qPrintable(QString::number(longestGap)));
    QVERIFY(!banner->isVisible());
    lab.togglePlay();
  }

  // A photo of a dark "1" on white paper, opened or dropped on the canvas, becomes a light stroke
  // on black in the middle (as the digits are); files that are not images give one line naming
  // the file, and the drawing stays.
  void imageFilesOnTheCanvas() {
    QTemporaryDir dir;
    CnnLab lab;
    QString error;
    QVERIFY(lab.loadPreset(QStringLiteral("cnn-digits-lenet"), &error));
    lab.togglePlay();
    QImage photo(300, 400, QImage::Format_RGB32);  // not square: the aspect is kept
    photo.fill(Qt::white);
    {
      QPainter p(&photo);
      p.setPen(QPen(Qt::black, 40));
      p.drawLine(150, 60, 150, 340);
    }
    const QString png = dir.filePath(QStringLiteral("one.png"));
    QVERIFY(photo.save(png));
    QVERIFY2(lab.loadCanvasImage(png, &error), qPrintable(error));
    const auto looksLikeAOne = [&] {
      const std::vector<float> v = lab.canvas()->image(8, 8);
      const auto at = [&](int y, int x) { return v[static_cast<std::size_t>(y * 8 + x)]; };
      const float middle = (at(3, 3) + at(3, 4) + at(4, 3) + at(4, 4)) / 4;
      const float corners = (at(0, 0) + at(0, 7) + at(7, 0) + at(7, 7)) / 4;
      return middle > 0.5f && corners < 0.05f;
    };
    QVERIFY(!lab.canvas()->empty());
    QVERIFY(looksLikeAOne());
    QVERIFY(!lab.findChild<QLabel*>(QStringLiteral("cnnCanvasError"))->isVisible());

    // Dropped on the canvas (of the lab on screen, its Draw tab showing): the same.
    lab.resize(1366, 768);
    lab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&lab));
    lab.views()->setCurrentWidget(lab.canvas()->parentWidget());
    lab.canvas()->clear();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(png)});
    // Through the window, as the platform delivers a drag: enter over the canvas, then drop.
    const QPoint over = lab.canvas()->mapTo(&lab, lab.canvas()->rect().center());
    QDragEnterEvent enter(over, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(lab.windowHandle(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(over), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(lab.windowHandle(), &drop);
    QVERIFY(!lab.canvas()->empty());
    QVERIFY(looksLikeAOne());

    // Not images: refused in one line naming the file; the drawing is kept.
    const QString text = dir.filePath(QStringLiteral("notes.png"));
    QFile f(text);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("these are words, not pixels\n");
    f.close();
    const QString fifo = dir.filePath(QStringLiteral("pipe.png"));
    QCOMPARE(::mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);
    const QString missing = dir.filePath(QStringLiteral("missing.png"));
    for (const QString& bad : {text, fifo, QStringLiteral("/dev/zero"), missing}) {
      error.clear();
      QVERIFY2(!lab.loadCanvasImage(bad, &error), qPrintable(bad));
      QVERIFY2(error.contains(bad) && !error.contains('\n'), qPrintable(error));
      QVERIFY(looksLikeAOne());
    }
    QVERIFY(lab.findChild<QLabel*>(QStringLiteral("cnnCanvasError"))->isVisibleTo(&lab));
  }

  // Your own images: a folder with three classes of bars (across, upright, diagonal) drawn dark on
  // light. The lab scales them to the size its network takes, gives the last layer one output per
  // class, and learns them; a folder with one class is refused naming it, and the run goes on.
  void userImageFolderInTheWindow() {
    QTemporaryDir dir;
    QVERIFY(writeBarImages(dir.path(), {QStringLiteral("across"), QStringLiteral("diagonal"), QStringLiteral("upright")}, 50, 3));
    CnnLab lab;
    QString error;
    QVERIFY(lab.loadPreset(QStringLiteral("cnn-digits-lenet"), &error));
    QVERIFY2(lab.useImageFolder(dir.path(), &error), qPrintable(error));
    QCOMPARE(lab.config().data.source, std::string("folder"));
    QCOMPARE(lab.config().data.folderSize, 8);  // what the digits network takes
    QCOMPARE(lab.config().layers.back().units, dl::Index(3));
    QVERIFY(lab.finish(kTrainMs));
    QVERIFY(lab.runViews().front().testAccuracy >= 0.9);
    QCOMPARE(lab.scoreText(0, 1), shown(lab.runViews().front().testAccuracy));

    const QTemporaryDir lonely;
    QVERIFY(QDir().mkpath(lonely.filePath(QStringLiteral("only"))));
    error.clear();
    QVERIFY(!lab.useImageFolder(lonely.path(), &error));
    QVERIFY2(error.contains(lonely.path()) && !error.contains('\n'), qPrintable(error));
    QCOMPARE(QString::fromStdString(lab.config().data.folder), dir.path());
  }

  void brokenFilesKeepTheRun() {
    QTemporaryDir dir;
    CnnLab lab;
    QString error;
    QVERIFY(lab.loadPreset(QStringLiteral("cnn-digits-lenet"), &error));
    QFile preset(dlio::presetPath(QStringLiteral("cnn-digits-lenet")));
    QVERIFY(preset.open(QIODevice::ReadOnly));
    const QByteArray good = preset.readAll();
    const struct {
      QByteArray from, to, field;
    } cases[] = {{"\"lr\": 0.01", "\"lr\": 1e9", "lr"}, {"\"units\": 8", "\"units\": 0", "units"}, {"{", "{{", "JSON"}};
    for (const auto& c : cases) {
      QByteArray bad = good;
      bad.replace(c.from, c.to);
      QVERIFY2(bad != good, c.from.constData());
      const QString path = dir.filePath(QStringLiteral("bad.json"));
      QFile f(path);
      QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
      f.write(bad);
      f.close();
      error.clear();
      QVERIFY(!lab.openFile(path, &error));
      QVERIFY2(error.contains(QStringLiteral("bad.json")) && error.contains(QString::fromLatin1(c.field)) && !error.contains('\n'),
               qPrintable(error));
      QCOMPARE(QString::fromStdString(lab.config().name), QStringLiteral("cnn-digits-lenet"));
      QVERIFY(lab.running());
    }
    lab.togglePlay();
  }
};

QTEST_MAIN(TestUiCnn)
#include "tst_ui_cnn.moc"
