// The window as a host of labs (offscreen): the Lab menu and bar switch labs with Ctrl+1…, the
// playground's docks and keys belong to the playground only, presets and files open in the lab
// that owns them (the notes' Try it too), the last lab is remembered, and bad lab files are
// reported in one line while the lab shown goes on. And the landscape lab's lessons, on screen:
// the saddle escape, the momentum stability line, the curvature readout.
#include "MainWindow.h"
#include "labs/playground/WatchPanel.h"
#include "plots/SparsityChart.h"
#include "plots/ChartPanel.h"
#include <QApplication>
#include "UserRoutes.h"
#include "Language.h"
#include "labs/Lab.h"
#include "labs/landscape/LandscapeLab.h"
#include "labs/landscape/SurfaceMap.h"
#include "labs/search/SearchLab.h"
#include "labs/search/TrialScatter.h"
#include "notes/NotesDock.h"
#include "notes/NotesLibrary.h"
#include "plots/LineChart.h"
#include "labs/playground/ClassroomDock.h"
#include "labs/playground/ControlDock.h"
#include "widgets/LogSlider.h"
#include "labs/playground/TransportBar.h"

#include "io/PresetCatalog.h"
#include "io/Presets.h"
#include "io/SearchIo.h"
#include "train/Trainer.h"

#include <QAction>
#include <QCheckBox>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QPushButton>
#include <QSlider>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

#include <cmath>
#include <set>

using namespace dlui;

namespace {
QAction* labAction(MainWindow& w, const QString& id) { return w.findChild<QAction*>(QStringLiteral("lab-") + id); }
QWidget* currentPage(MainWindow& w) {
  return w.findChild<QStackedWidget*>(QStringLiteral("labStack"))->currentWidget();
}
}  // namespace

class TestUiLabs : public QObject {
  Q_OBJECT
private slots:
  void initTestCase() {
    QCoreApplication::setOrganizationName(QStringLiteral("dlplay-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_labs"));
    QSettings().clear();
  }
  void cleanup() {
    QSettings().clear();
    setLanguage(QStringLiteral("en"), false);
    QCoreApplication::processEvents();
  }

  // Every lab of the catalogue that this build has is in the Lab menu and on the lab bar, in the
  // catalogue's order, the playground first, with Ctrl+1, Ctrl+2, … and its title in both languages.
  void switcherListsEveryLab() {
    MainWindow w;
    const dlio::PresetCatalog& catalog = dlio::PresetCatalog::builtIn();
    QStringList expected;
    for (const dlio::LabEntry& l : catalog.labs())
      if (l.id == QLatin1String("playground") || findLab(l.id)) expected << l.id;
    QVERIFY(expected.contains(QStringLiteral("landscape")));
    const QList<QAction*> actions = w.labMenu()->actions();
    QCOMPARE(actions.size(), expected.size());
    for (qsizetype i = 0; i < actions.size(); ++i) {
      QCOMPARE(actions[i]->data().toString(), expected[i]);
      QCOMPARE(actions[i]->shortcut(), QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
      QCOMPARE(actions[i]->text(), catalog.lab(expected[i])->title.in("en"));
      QVERIFY(w.labBar()->actions().contains(actions[i]));
    }
    QVERIFY(!w.labBar()->isHidden());
    w.switchLanguage(QStringLiteral("zh"));
    for (QAction* a : w.labMenu()->actions())
      QTRY_COMPARE(a->text(), catalog.lab(a->data().toString())->title.in("zh"));
    QVERIFY(w.menuBar()->actions().contains(w.labMenu()->menuAction()));
  }

  // Switching shows the lab's page and only the playground's docks with the playground; its keys
  // (Space, →) stop driving the playground's session while another lab is shown, and its docks
  // come back as they were.
  void switchingKeepsThePlaygroundApart() {
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QWidget* playgroundPage = currentPage(w);
    QVERIFY(w.chartDock()->isVisible());
    QVERIFY(w.controlDock()->isVisible());
    labAction(w, QStringLiteral("landscape"))->trigger();
    QCOMPARE(w.currentLab(), QStringLiteral("landscape"));
    auto* lab = qobject_cast<LandscapeLab*>(currentPage(w));
    QVERIFY(lab);
    QVERIFY(!w.chartDock()->isVisible());
    QVERIFY(!w.controlDock()->isVisible());
    QVERIFY(!w.transport()->isVisible());
    for (QAction* a : w.transport()->actions()) QVERIFY2(!a->isEnabled(), qPrintable(a->text()));
    // Space now runs the race.
    QVERIFY(!lab->isRunning());
    QTest::keyClick(&w, Qt::Key_Space);
    QVERIFY(lab->isRunning());
    QTest::keyClick(&w, Qt::Key_Space);
    QVERIFY(!lab->isRunning());
    const long long before = lab->race().steps();
    QTest::keyClick(&w, Qt::Key_Right);
    QCOMPARE(lab->race().steps(), before + 1);
    // F6 and View → Charts cannot bring the playground's docks into another lab.
    QVERIFY(!w.findChild<QAction*>(QStringLiteral("fullControlsAction"))->isEnabled());
    QVERIFY(!w.chartDock()->toggleViewAction()->isEnabled());
    // Back: the same page, the docks and keys as before.
    labAction(w, QStringLiteral("playground"))->trigger();
    QCOMPARE(currentPage(w), playgroundPage);
    QTRY_VERIFY(w.chartDock()->isVisible());
    QVERIFY(w.controlDock()->isVisible());
    QVERIFY(w.transport()->isVisible());
    for (QAction* a : w.transport()->actions()) QVERIFY(a->isEnabled());
    QVERIFY(!lab->isRunning());
    QVERIFY(!w.setLab(QStringLiteral("no-such-lab")));
    QCOMPARE(w.currentLab(), QStringLiteral("playground"));
  }

  // The playground is a lab like the others: the first page of the stack, reached by lab(), and
  // brought by finish() to the state its preset's claim is tested at: its step count, or the step it
  // diverged at. A file opened from another lab while the playground was training starts paused.
  void playgroundIsALab() {
    MainWindow w;
    w.setErrorReporter([](const QString& m) { QFAIL(qPrintable(m)); });
    w.resize(1366, 768);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    Lab* playground = w.lab(QStringLiteral("playground"));
    QVERIFY(playground);
    QCOMPARE(playground->id(), QStringLiteral("playground"));
    QCOMPARE(currentPage(w), static_cast<QWidget*>(playground));
    w.findChild<QAction*>(QStringLiteral("xor-tanh"))->trigger();
    QVERIFY(playground->finish(60000));
    const long long steps = dlio::readPreset(QStringLiteral("xor-tanh")).config.training.steps;
    QCOMPARE(w.lastSnapshot()->config.name, std::string("xor-tanh"));
    QCOMPARE(w.lastSnapshot()->runs[0].step, steps);
    QVERIFY(!w.lastSnapshot()->running);
    w.findChild<QAction*>(QStringLiteral("exploding-large-init"))->trigger();
    QVERIFY(playground->finish(60000));
    QCOMPARE(w.lastSnapshot()->config.name, std::string("exploding-large-init"));
    QVERIFY(w.lastSnapshot()->runs[0].divergence.has_value());
    QVERIFY(w.lastSnapshot()->runs[0].step < steps);

    // Training, then another lab, then a playground file: shown paused, at step 0.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("xor.json"));
    w.findChild<QAction*>(QStringLiteral("xor-tanh"))->trigger();
    w.saveExperiment(file, false);
    QTRY_VERIFY(QFileInfo::exists(file));
    w.transport()->playAction()->setChecked(true);
    QTRY_VERIFY(w.lastSnapshot()->running && w.lastSnapshot()->runs[0].step > 0);
    labAction(w, QStringLiteral("landscape"))->trigger();
    QVERIFY(w.openExperiment(file));
    QCOMPARE(w.currentLab(), QStringLiteral("playground"));
    QTRY_VERIFY(w.lastSnapshot()->runs[0].step == 0);
    QTest::qWait(300);
    QVERIFY(!w.lastSnapshot()->running);
    QCOMPARE(w.lastSnapshot()->runs[0].step, 0);
    QVERIFY(!w.transport()->playAction()->isChecked());
  }

  // On a projector the lesson line takes the projector's font (its style sheet keeps it from
  // following the application's by itself), and gives it back on leaving.
  void watchLineTakesTheProjectorFont() {
    MainWindow w;
    w.setErrorReporter([](const QString& m) { QFAIL(qPrintable(m)); });
    // As tall as the screen already: full screen brings no new height, so no later font change
    // can hide a font missed on the way in.
    w.resize(w.screen()->geometry().size());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.findChild<QAction*>(QStringLiteral("xor-tanh"))->trigger();
    QVERIFY(!w.watchPanel()->preset().isEmpty());
    const double normal = QApplication::font().pointSizeF();
    w.setPresentationMode(true);
    QTRY_VERIFY(QApplication::font().pointSizeF() > normal);
    QCOMPARE(w.watchPanel()->font().pointSizeF(), QApplication::font().pointSizeF());
    w.setPresentationMode(false);
    QTRY_COMPARE(QApplication::font().pointSizeF(), normal);
    QCOMPARE(w.watchPanel()->font().pointSizeF(), normal);
  }

  // A preset's file opened while another lab is shown: once the playground is back, with its docks
  // as the user left them, the preset's chart is in front and its dock shown.
  void presetFileFromAnotherLabShowsItsChart() {
    MainWindow w;
    w.setErrorReporter([](const QString& m) { QFAIL(qPrintable(m)); });
    w.resize(1366, 768);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("sparsity.json"));
    w.findChild<QAction*>(QStringLiteral("l1-vs-l2"))->trigger();
    QTRY_COMPARE(w.lastSnapshot()->config.name, std::string("l1-vs-l2"));
    w.saveExperiment(file, false);
    QTRY_VERIFY(QFileInfo::exists(file));
    w.findChild<QAction*>(QStringLiteral("xor-tanh"))->trigger();
    QTRY_VERIFY(w.chartPanel()->currentChart() != static_cast<PlotWidget*>(w.chartPanel()->sparsityChart()));
    w.chartDock()->close();  // the user closed the charts
    QVERIFY(w.setLab(QStringLiteral("landscape")));
    QVERIFY(w.openExperiment(file));
    QCOMPARE(w.currentLab(), QStringLiteral("playground"));
    QTRY_VERIFY(w.chartDock()->isVisible());
    QCOMPARE(w.chartPanel()->currentChart(), static_cast<PlotWidget*>(w.chartPanel()->sparsityChart()));
    QCOMPARE(w.watchPanel()->preset(), QStringLiteral("l1-vs-l2"));
  }

  // Presentation mode in another lab: the playground's docks stay away on entering and leaving,
  // the lab bar gives its height to the page, and back in the playground its docks return.
  void presentationInAnotherLab() {
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.setLab(QStringLiteral("landscape")));
    w.setPresentationMode(true);
    QTRY_VERIFY(w.presentationMode());
    QVERIFY(!w.chartDock()->isVisible());
    QVERIFY(!w.classroomDock()->isVisible());
    QVERIFY(!w.labBar()->isVisible());
    QVERIFY(currentPage(w)->isVisible());
    w.setPresentationMode(false);
    QTest::qWait(50);  // the deferred restore of the normal layout has run
    QVERIFY(!w.chartDock()->isVisible());
    QVERIFY(!w.controlDock()->isVisible());
    QVERIFY(w.labBar()->isVisible());
    QVERIFY(w.setLab(QStringLiteral("playground")));
    QTRY_VERIFY(w.chartDock()->isVisible());
    QVERIFY(w.controlDock()->isVisible());
    QVERIFY(!w.classroomDock()->isVisible());
    // The other way round: on a projector in the playground, then another lab, then leaving.
    w.setPresentationMode(true);
    QTRY_VERIFY(w.classroomDock()->isVisible());
    QVERIFY(w.setLab(QStringLiteral("landscape")));
    QVERIFY(!w.classroomDock()->isVisible());
    w.setPresentationMode(false);
    QTest::qWait(50);
    QVERIFY(!w.chartDock()->isVisible());
    QVERIFY(!w.transport()->isVisible());
    QVERIFY(w.setLab(QStringLiteral("playground")));
    QTRY_VERIFY(w.chartDock()->isVisible());
    QVERIFY(w.controlDock()->isVisible());
    QVERIFY(!w.classroomDock()->isVisible());
    // On a projector with all the controls (F6), a round trip through another lab comes back to
    // all the controls, and with the classroom set to the classroom set.
    w.setPresentationMode(true);
    QTRY_VERIFY(w.classroomDock()->isVisible());
    w.findChild<QAction*>(QStringLiteral("fullControlsAction"))->trigger();
    QTRY_VERIFY(w.controlDock()->isVisible());
    QVERIFY(!w.classroomDock()->isVisible());
    QVERIFY(w.setLab(QStringLiteral("landscape")));
    QVERIFY(!w.controlDock()->isVisible());
    QVERIFY(w.setLab(QStringLiteral("playground")));
    QTRY_VERIFY(w.controlDock()->isVisible());
    QVERIFY(!w.classroomDock()->isVisible());
    w.findChild<QAction*>(QStringLiteral("fullControlsAction"))->trigger();
    QTRY_VERIFY(w.classroomDock()->isVisible());
    QVERIFY(w.setLab(QStringLiteral("search")));
    QVERIFY(w.setLab(QStringLiteral("playground")));
    QTRY_VERIFY(w.classroomDock()->isVisible());
    QVERIFY(!w.controlDock()->isVisible());
    w.setPresentationMode(false);
  }

  // The lab shown when the window closes is the one the next window opens with.
  void lastLabRemembered() {
    {
      MainWindow w;
      w.show();
      QVERIFY(w.setLab(QStringLiteral("landscape")));
      w.close();
    }
    {
      MainWindow w;
      QCOMPARE(w.currentLab(), QStringLiteral("landscape"));
      QVERIFY(qobject_cast<LandscapeLab*>(currentPage(w)));
      w.setLab(QStringLiteral("playground"));
      w.close();
    }
    MainWindow w;
    QCOMPARE(w.currentLab(), QStringLiteral("playground"));
  }

  // Every preset of another lab opens in its lab, from the Presets menu and from the notes' Try
  // it: the lab is shown, its configuration is the preset's, the race is running (one click, the
  // lesson starts), and the note that teaches it is open.
  void presetsOpenInTheirLab() {
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const dlio::PresetCatalog& catalog = dlio::PresetCatalog::builtIn();
    const QStringList presets = dlio::presetNames(QStringLiteral("landscape"));
    QVERIFY(presets.size() >= 6);
    int viaNotes = 0;
    for (qsizetype i = 0; i < presets.size(); ++i) {
      const QString name = presets[i];
      w.setLab(QStringLiteral("playground"));
      const int route = openPresetAsAUser(w, name, i % 2 != 0, true);
      QVERIFY2(route >= 0, qPrintable(name + " is not in the Presets menu"));
      viaNotes += route;
      QCOMPARE(w.currentLab(), QStringLiteral("landscape"));
      auto* lab = qobject_cast<LandscapeLab*>(currentPage(w));
      QVERIFY(lab);
      QCOMPARE(QString::fromStdString(lab->race().config().name), name);
      QVERIFY2(lab->isRunning(), qPrintable(name));
      // Its "what to watch" line above the map, the note's, in the interface language.
      QVERIFY2(lab->watchLine()->isVisible(), qPrintable(name));
      QCOMPARE(lab->watchLine()->text(), NotesLibrary::builtIn().watchLine(name).in("en"));
      QCOMPARE(w.notesDock()->currentNoteId(), catalog.entry(name)->note);
    }
    QVERIFY(viaNotes > 0);
  }

  // File → Open of a landscape file opens it in the landscape lab; a broken one is one line naming
  // the file, the field and the value, and the race shown goes on untouched.
  void labFilesOpenInTheirLab() {
    QTemporaryDir dir;
    MainWindow w;
    QStringList errors;
    w.setErrorReporter([&](const QString& m) { errors << m; });
    QFile preset(dlio::presetPath(QStringLiteral("landscape-saddle-escape")));
    QVERIFY(preset.open(QIODevice::ReadOnly));
    const QByteArray good = preset.readAll();
    const QString path = dir.filePath(QStringLiteral("race.json"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(good);
    out.close();
    QVERIFY(w.openExperiment(path));
    QCOMPARE(w.currentLab(), QStringLiteral("landscape"));
    auto* lab = qobject_cast<LandscapeLab*>(currentPage(w));
    QCOMPARE(QString::fromStdString(lab->race().config().name), QStringLiteral("landscape-saddle-escape"));
    lab->advance(5);
    const long long steps = lab->race().steps();
    // A learning rate of 1e9 in the file.
    QByteArray bad = good;
    bad.replace("\"lr\": 0.01", "\"lr\": 1e9");
    QVERIFY(bad != good);
    const QString badPath = dir.filePath(QStringLiteral("bad-race.json"));
    QFile b(badPath);
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.write(bad);
    b.close();
    QVERIFY(!w.openExperiment(badPath));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors[0].contains(QStringLiteral("bad-race.json")) && errors[0].contains(QStringLiteral("lr")) &&
                 errors[0].contains(QStringLiteral("1e+09")) | errors[0].contains(QStringLiteral("1e9")) |
                     errors[0].contains(QStringLiteral("1000000000")),
             qPrintable(errors[0]));
    QVERIFY(!errors[0].contains('\n'));
    QCOMPARE(lab->race().steps(), steps);
    QCOMPARE(QString::fromStdString(lab->race().config().name), QStringLiteral("landscape-saddle-escape"));
  }

  // The saddle lesson on the screen: after 100 steps the table says Adam and RMSProp left the
  // saddle (|y| > 1, far along the trail on the map) while plain SGD is still near it.
  void saddleEscapeIsOnScreen() {
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.loadPreset(QStringLiteral("landscape-saddle-escape"));
    auto* lab = qobject_cast<LandscapeLab*>(currentPage(w));
    QVERIFY(lab);
    lab->setRunning(false);
    lab->advance(100 - lab->race().steps());
    QCOMPARE(lab->race().steps(), 100);
    const auto& racers = lab->race().racers();
    QTableWidget* table = lab->racerTable();
    QCOMPARE(table->rowCount(), static_cast<int>(racers.size()));
    bool sawSgd = false, sawAdam = false;
    for (std::size_t i = 0; i < racers.size(); ++i) {
      const auto& r = racers[i];
      const QPointF at = lab->map()->toWidget({r.x, r.y});
      if (r.optimizer == "adam" || r.optimizer == "rmsprop") {
        sawAdam = true;
        QVERIFY2(std::abs(r.y) > 1, r.optimizer.c_str());
      }
      if (r.optimizer == "sgd") {
        sawSgd = true;
        QVERIFY(std::abs(r.y) < 1);
        QVERIFY(lab->map()->plotRect().contains(at));  // still on the map, near the saddle
      }
      QCOMPARE(table->item(static_cast<int>(i), 2)->text().isEmpty(), false);
    }
    QVERIFY(sawSgd && sawAdam);
    // The chart follows a racer while it is on the map (x² − y² falls without bound): SGD's 101
    // points (steps 0…100); a racer that escaped is charted up to the map's edge, and the table
    // says it left.
    const QRectF plot = lab->map()->plotRect();
    for (std::size_t i = 0; i < racers.size(); ++i) {
      const long long points = lab->lossChart()->line(static_cast<int>(i)).history.sampleCount();
      if (plot.contains(lab->map()->toWidget({racers[i].x, racers[i].y}))) {
        QCOMPARE(points, 101);
      } else {
        QVERIFY2(points > 10 && points < 101, racers[i].optimizer.c_str());
        QCOMPARE(table->item(static_cast<int>(i), 5)->text(), QStringLiteral("left the map"));
      }
    }
  }

  // The cursor readout names the shape at the saddle point, with eigenvalues 2 and −2.
  void readoutClassifiesCurvature() {
    LandscapeLab lab;
    lab.resize(1200, 700);
    lab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&lab));
    QString error;
    dl::surface::RaceConfig c;
    c.surface.name = "saddle";
    QVERIFY(lab.setConfig(c, &error));
    const QPoint at = lab.map()->toWidget({0, 0}).toPoint();
    QTest::mouseMove(lab.map(), at);
    QTRY_VERIFY(lab.readout()->text().contains(QStringLiteral("saddle")));
    QVERIFY(lab.readout()->text().contains(QStringLiteral("−2")));
    QVERIFY(lab.readout()->text().contains(QStringLiteral(", 2")));
    // A click there restarts every racer from that point.
    QTest::mouseClick(lab.map(), Qt::LeftButton, {}, lab.map()->toWidget({0.5, 0.25}).toPoint());
    QCOMPARE(lab.race().steps(), 0);
    QVERIFY(std::abs(lab.race().racers()[0].x - 0.5) < 0.05);
    QVERIFY(std::abs(lab.race().racers()[0].y - 0.25) < 0.05);
  }

  // On a quadratic the momentum bound 2(1+β)/λmax is drawn on the rate slider and said in words;
  // it follows β.
  void momentumBoundShown() {
    LandscapeLab lab;
    lab.show();
    QString error;
    dl::surface::RaceConfig c;
    c.surface.name = "quadratic";
    c.surface.curvature = 1;
    c.hyper.momentum = 0.9;
    QVERIFY(lab.setConfig(c, &error));
    QVERIFY(std::abs(lab.stabilityBound() - 3.8) < 1e-12);
    auto* label = lab.findChild<QLabel*>(QStringLiteral("landscapeBound"));
    QVERIFY(label->isVisible());
    QVERIFY(label->text().contains(QStringLiteral("3.8")));
    c.surface.name = "rosenbrock";
    QVERIFY(lab.setConfig(c, &error));
    QVERIFY(std::isnan(lab.stabilityBound()));
    QVERIFY(!label->isVisible());
  }

  // Grid against random, on screen: both searches run from the one click, the grid's trials are
  // discs on 3 learning rates, random search's squares on 9, and random's best-so-far line ends
  // lower. The table holds both; "open in the playground" loads the selected trial's experiment.
  void gridVsRandomIsOnScreen() {
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.loadPreset(QStringLiteral("search-grid-vs-random"));
    QCOMPARE(w.currentLab(), QStringLiteral("search"));
    auto* lab = qobject_cast<SearchLab*>(currentPage(w));
    QVERIFY(lab);
    QVERIFY(lab->watchLine()->isVisible());
    QVERIFY(lab->search() && lab->comparison());
    QVERIFY(lab->finish(120000));
    const auto grid = lab->search()->trials();
    const auto random = lab->comparison()->trials();
    QCOMPARE(grid.size(), std::size_t{9});
    QCOMPARE(random.size(), std::size_t{9});
    std::set<double> gridRates, randomRates;
    for (const auto& t : grid) {
      gridRates.insert(t.values[0]);
      QVERIFY(lab->scatter()->pointOf(t.index).x() >= 0);
    }
    for (const auto& t : random) {
      randomRates.insert(t.values[0]);
      QVERIFY(lab->scatter()->pointOf(t.index, true).x() >= 0);
    }
    QCOMPARE(gridRates.size(), std::size_t{3});
    QCOMPARE(randomRates.size(), std::size_t{9});
    // The best-so-far chart: two lines, random's last value below the grid's.
    LineChart* best = lab->bestChart();
    QCOMPARE(best->lineCount(), 2);
    QVERIFY(best->line(1).history.lastY() < best->line(0).history.lastY());
    QCOMPARE(lab->trialTable()->rowCount(), 18);
    // Open the best random trial in the playground: its experiment, ready to train.
    const auto bestRandom = lab->comparison()->best();
    QVERIFY(bestRandom);
    for (int r = 0; r < lab->trialTable()->rowCount(); ++r) {
      const QTableWidgetItem* item = lab->trialTable()->item(r, 0);
      if (item->data(Qt::UserRole).toInt() == bestRandom->index + 1 && item->data(Qt::UserRole + 1).toBool())
        lab->trialTable()->selectRow(r);
    }
    lab->findChild<QPushButton*>(QStringLiteral("searchOpenTrial"))->click();
    QCOMPARE(w.currentLab(), QStringLiteral("playground"));
    const dl::ExperimentConfig expected = lab->comparison()->trialConfig(bestRandom->index);
    QTRY_VERIFY_WITH_TIMEOUT(w.lastSnapshot() && std::abs(w.lastSnapshot()->config.optimizer.learningRate -
                                                          expected.optimizer.learningRate) < 1e-12,
                             10000);
    QCOMPARE(w.controlDock()->config().regularization.l2, expected.regularization.l2);
  }

  // Panda mode: one run trains while its learning rate is changed; the change applies to the
  // same run (its step count goes on), and is logged.
  void pandaChangesTheRateLive() {
    SearchLab lab;
    lab.show();
    lab.setActive(true);
    lab.modes()->setCurrentIndex(1);
    lab.pandaSteps(50);
    QVERIFY(lab.pandaTrainer());
    QCOMPARE(lab.pandaTrainer()->stepCount(), 50);
    lab.setPandaRate(0.3);
    QCOMPARE(lab.pandaTrainer()->config().optimizer.learningRate, 0.3);
    lab.pandaSteps(10);
    QCOMPARE(lab.pandaTrainer()->stepCount(), 60);
    QCOMPARE(lab.pandaTrainer()->currentLearningRate(), 0.3);
  }

  // A broken search file is one line naming the file, the field and the value; the lab keeps its
  // search.
  void badSearchFile() {
    QTemporaryDir dir;
    MainWindow w;
    QStringList errors;
    w.setErrorReporter([&](const QString& m) { errors << m; });
    QFile preset(dlio::presetPath(QStringLiteral("search-log-scale")));
    QVERIFY(preset.open(QIODevice::ReadOnly));
    QByteArray bad = preset.readAll();
    bad.replace("\"trials\": 40", "\"trials\": -3");
    const QString path = dir.filePath(QStringLiteral("bad-search.json"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bad);
    out.close();
    QVERIFY(w.setLab(QStringLiteral("search")));
    auto* lab = qobject_cast<SearchLab*>(currentPage(w));
    const int trials = lab->config().trials;
    QVERIFY(!w.openExperiment(path));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors[0].contains(QStringLiteral("bad-search.json")) && errors[0].contains(QStringLiteral("trials")) &&
                 errors[0].contains(QStringLiteral("-3")),
             qPrintable(errors[0]));
    QCOMPARE(lab->config().trials, trials);
  }

  // A broken lab file opened from another lab leaves that lab on screen: the file is read and
  // checked before the switch.
  void brokenLabFileKeepsTheLabShown() {
    QTemporaryDir dir;
    MainWindow w;
    QStringList errors;
    w.setErrorReporter([&](const QString& m) { errors << m; });
    QVERIFY(w.setLab(QStringLiteral("playground")));
    QFile preset(dlio::presetPath(QStringLiteral("search-log-scale")));
    QVERIFY(preset.open(QIODevice::ReadOnly));
    QByteArray bad = preset.readAll();
    bad.replace("\"trials\": 40", "\"trials\": -3");
    const QString path = dir.filePath(QStringLiteral("bad-search.json"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bad);
    out.close();
    QVERIFY(!w.openExperiment(path));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(w.currentLab(), QStringLiteral("playground"));
  }

  // A control changes its own setting only: a race whose β (0.9995) and noise (8) the controls
  // cannot show exactly keeps both when the schedule or the shared-rate toggle is touched.
  void controlsChangeOnlyTheirOwnSetting() {
    LandscapeLab lab;
    lab.show();
    QString error;
    QVERIFY(lab.loadPreset(QStringLiteral("landscape-momentum-bound"), &error));
    lab.setRunning(false);
    dl::surface::RaceConfig c = lab.race().config();
    c.hyper.momentum = 0.9995;
    c.noise = 8;
    QVERIFY2(lab.setConfig(c, &error), qPrintable(error));
    auto* same = lab.findChild<QCheckBox*>(QStringLiteral("landscapeSameRate"));
    QVERIFY(same);
    same->setChecked(!same->isChecked());
    QCOMPARE(lab.race().config().sameLearningRate, same->isChecked());
    QCOMPARE(lab.race().config().hyper.momentum, 0.9995);
    QCOMPARE(lab.race().config().noise, 8.0);
    QCOMPARE(lab.race().racers().size(), std::size_t{2});
  }

  // Touching a control keeps a preset's racers: the momentum-bound preset races momentum twice
  // (lr 3.7 and 3.85); changing the noise keeps both, at their rates.
  void controlsKeepDuplicateRacers() {
    LandscapeLab lab;
    lab.show();
    QString error;
    QVERIFY(lab.loadPreset(QStringLiteral("landscape-momentum-bound"), &error));
    lab.setRunning(false);
    QCOMPARE(lab.race().racers().size(), std::size_t{2});
    lab.findChild<QSlider*>(QStringLiteral("landscapeNoise"))->setValue(2);
    QCOMPARE(lab.race().racers().size(), std::size_t{2});
    QCOMPARE(lab.race().racers()[0].learningRate, 3.7);
    QCOMPARE(lab.race().racers()[1].learningRate, 3.85);
    QVERIFY(lab.race().config().noise > 0);
  }

  // A search with one setting and a comparison, then one with two settings: the scatter forgets
  // the old comparison (its one-value trials would be read as two) and paints.
  void scatterForgetsOldComparison() {
    SearchLab lab;
    lab.resize(1200, 700);
    lab.show();
    QString error;
    QVERIFY(lab.loadPreset(QStringLiteral("search-log-scale"), &error));
    QVERIFY(lab.finish(120000));
    QVERIFY(lab.comparison());
    QVERIFY(lab.setConfig(dlio::readSearchPreset(QStringLiteral("search-coarse-to-fine")), &error));
    QVERIFY(lab.scatter()->pointOf(0, true).x() < 0);  // nothing of the old comparison is drawn
    QVERIFY(!lab.scatter()->grab().isNull());
    // A comparison whose own settings are invalid is refused up front, and nothing changes.
    dl::search::SearchConfig c = lab.config();
    c.strategy = dl::search::Strategy::Grid;
    c.compare = dl::search::Strategy::CoarseToFine;
    c.trials = 1;
    QVERIFY(!lab.setConfig(c, &error));
    QVERIFY2(!error.isEmpty() && !error.contains('\n'), qPrintable(error));
  }

  // A typed function: a parse error is shown beside the box, naming the column, and the race goes
  // on; a good one replaces the surface.
  void typedFunction() {
    LandscapeLab lab;
    lab.show();
    QString error;
    dl::surface::RaceConfig c;
    c.surface.name = "expression";
    c.surface.expression = "x^2 + y^2";
    QVERIFY(lab.setConfig(c, &error));
    auto* edit = lab.findChild<QLineEdit*>(QStringLiteral("landscapeExpression"));
    auto* message = lab.findChild<QLabel*>(QStringLiteral("landscapeExpressionError"));
    QVERIFY(edit->isVisible());
    edit->setText(QStringLiteral("x^2 + (y"));
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("column")), qPrintable(message->text()));
    QCOMPARE(QString::fromStdString(lab.race().config().surface.expression), QStringLiteral("x^2 + y^2"));
    edit->setText(QStringLiteral("(x-1)^2 + 4*(y+0.5)^2"));
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(!message->isVisible());
    QCOMPARE(QString::fromStdString(lab.race().config().surface.expression), QStringLiteral("(x-1)^2 + 4*(y+0.5)^2"));
  }
};

QTEST_MAIN(TestUiLabs)
#include "tst_ui_labs.moc"
