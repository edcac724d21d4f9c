// The sequence lab in the window: every sequence preset, from the Presets menu or from its note's
// Try it, opens the lab on the tab its claim is seen in, with its watch line; brought to the claim's
// step, what the window shows holds the claim (the numbers are those docs/presets.md gives for the
// headless runs, asserted by tst_app_seq). Then the lab's controls and bad input: a typed sequence
// that is not digits, a broken file, an unknown word — one clear line each, and the run goes on.
#include "MainWindow.h"
#include "UserRoutes.h"
#include "labs/sequence/EigenPlane.h"
#include "labs/sequence/HeatMap.h"
#include "labs/sequence/SequenceLab.h"
#include "labs/sequence/WordMap.h"
#include "notes/NotesDock.h"
#include "notes/NotesLibrary.h"
#include "plots/LineChart.h"

#include "io/PresetCatalog.h"
#include "io/Presets.h"
#include "io/SeqIo.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include <sys/stat.h>

using namespace dlui;

namespace {

constexpr int kTrainMs = 240000;

SequenceLab* seqLab(MainWindow& w) {
  return qobject_cast<SequenceLab*>(w.findChild<QStackedWidget*>(QStringLiteral("labStack"))->currentWidget());
}

const SequenceLab::RunView* run(const SequenceLab& lab, const QString& name) {
  for (const SequenceLab::RunView& v : lab.runViews())
    if (v.name == name) return &v;
  return nullptr;
}

// The presets of the tasks (recall, sine, characters), checked by taskPresetsShowTheirClaim.
const QStringList kTaskPresets = {QStringLiteral("seq-recall-bptt"), QStringLiteral("seq-recall-truncated"),
                                  QStringLiteral("seq-sine-cells"), QStringLiteral("seq-chars-notes")};

double ratio(const std::vector<double>& g) { return g.size() > 1 && g.back() > 0 ? g.front() / g.back() : NAN; }

}  // namespace

class TestUiSeq : public QObject {
  Q_OBJECT
private slots:
  void initTestCase() {
    QCoreApplication::setOrganizationName(QStringLiteral("dlplay-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_seq"));
    QSettings().clear();
  }
  void cleanupTestCase() { QSettings().clear(); }

  void presetsShowTheirClaim() {
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const dlio::PresetCatalog& catalog = dlio::PresetCatalog::builtIn();
    const QStringList presets = dlio::presetNames(QStringLiteral("sequence"));
    QVERIFY(presets.size() >= 10);
    int viaNotes = 0, checked = 0;
    for (qsizetype i = 0; i < presets.size(); ++i) {
      const QString name = presets[i];
      if (kTaskPresets.contains(name)) continue;  // taskPresetsShowTheirClaim
      w.setLab(QStringLiteral("playground"));
      const dlio::PresetEntry* entry = catalog.entry(name);
      QVERIFY(entry);
      const int route = openPresetAsAUser(w, name, i % 2 != 0, !entry->note.isEmpty());
      QVERIFY2(route >= 0, qPrintable(name + " is not in the Presets menu"));
      viaNotes += route;
      QCOMPARE(w.currentLab(), QStringLiteral("sequence"));
      SequenceLab* lab = seqLab(w);
      QVERIFY(lab);
      QVERIFY2(lab->watchLine()->isVisible(), qPrintable(name));
      QVERIFY(!lab->watchLine()->text().isEmpty());
      QCOMPARE(w.notesDock()->currentNoteId(), entry->note);
      const dl::SeqConfig c = dlio::readSeqPreset(name);
      // The tab the claim is seen in.
      const QWidget* tab = lab->tabs()->currentWidget();
      if (c.isSeq2Seq()) QCOMPARE(tab, lab->tabPage(SequenceLab::Seq2SeqTab));
      else if (c.isWords()) QCOMPARE(tab, lab->tabPage(SequenceLab::WordsTab));
      else if (entry->view == QLatin1String("inside")) QCOMPARE(tab, lab->tabPage(SequenceLab::InsideTab));
      else if (entry->view == QLatin1String("loss")) QCOMPARE(tab, lab->tabPage(SequenceLab::TrainingTab));
      else QCOMPARE(tab, lab->tabPage(SequenceLab::TimeTab));
      // A preset that trains starts training at once (one click).
      if (c.training.steps > 0 || c.isWords()) QVERIFY2(lab->running() || lab->runViews().empty() ||
                                                            lab->runViews()[0].step > 0, qPrintable(name));
      QVERIFY2(lab->finish(kTrainMs), qPrintable(name + " did not reach its claim's step"));
      QVERIFY(!lab->running());

      if (name == QLatin1String("seq-rnn-gain-1") || name == QLatin1String("seq-rnn-gain-3")) {
        // The chart shows ‖∂h_T/∂hₜ‖ along the sequence, and the score board its value at t = 1.
        QCOMPARE(lab->measure(), SequenceLab::Measure::StateJacobian);
        const SequenceLab::RunView* v = run(*lab, QStringLiteral("RNN"));
        QVERIFY(v && v->report);
        QCOMPARE(lab->timeChart()->line(0).history.sampleCount(), 100LL);
        const std::vector<double>& j = v->report->jacobianNorms;
        QCOMPARE(j.size(), std::size_t(100));
        QCOMPARE(j.back(), 1.0);
        if (name.endsWith(QLatin1String("1"))) {
          QVERIFY2(v->report->jacobianMedian < 1e-6, qPrintable(QString::number(v->report->jacobianMedian)));
          QVERIFY(j.front() < 1e-6);
          QVERIFY(std::abs(v->spectralRadius - 1.0) < 1e-3);
        } else {
          QVERIFY2(v->report->jacobianMedian > 1e6, qPrintable(QString::number(v->report->jacobianMedian)));
          QVERIFY(j.front() > 1e6);
          QVERIFY(std::abs(v->spectralRadius - 3.0) < 1e-3);
          QVERIFY(lab->eigenPlane()->axisLimit() >= 3.0);  // the plane shows them outside the circle
        }
        QCOMPARE(lab->scoreText(0, 4), QString::number(v->report->jacobianMedian, 'e', 2));
        ++checked;
      } else if (name.startsWith(QLatin1String("seq-lstm-forget-"))) {
        const SequenceLab::RunView* v = run(*lab, QStringLiteral("LSTM"));
        QVERIFY(v && v->report);
        const double p = v->report->forgetProduct;
        if (name.endsWith(QLatin1String("0"))) QVERIFY2(p < 1e-20, qPrintable(QString::number(p)));
        else QVERIFY2(p > 0.4 && p < 0.6, qPrintable(QString::number(p)));
        // The inside tab shows the forget gate's map and says the product.
        bool forgetMap = false;
        for (HeatMap* m : lab->insideMaps())
          if (m->isVisible() && m->data().rows() == 32 && m->data().cols() == 100) forgetMap = true;
        QVERIFY(forgetMap);
        QVERIFY2(lab->forgetLabel()->text().contains(p < 1e-3 ? QString::number(p, 'e', 2) : QString::number(p, 'g', 3)),
                 qPrintable(lab->forgetLabel()->text()));
        ++checked;
      } else if (name == QLatin1String("seq-adding-cells")) {
        const SequenceLab::RunView* rnn = run(*lab, QStringLiteral("RNN"));
        const SequenceLab::RunView* lstm = run(*lab, QStringLiteral("LSTM"));
        const SequenceLab::RunView* gru = run(*lab, QStringLiteral("GRU"));
        QVERIFY(rnn && lstm && gru && rnn->report && lstm->report && gru->report);
        const double base = lab->config().task.kind == "adding" ? dlio::loadSeqData(c.task)->baselineLoss : 0;
        QVERIFY2(lstm->report->test.loss < 0.1 * base, qPrintable(QString::number(lstm->report->test.loss)));
        QVERIFY2(gru->report->test.loss < 0.1 * base, qPrintable(QString::number(gru->report->test.loss)));
        QVERIFY2(rnn->report->test.loss > 0.8 * base, qPrintable(QString::number(rnn->report->test.loss)));
        // The chart: ‖∂L/∂hₜ‖ of the last step, the RNN's vanishing towards t = 1, the LSTM's not.
        QCOMPARE(lab->measure(), SequenceLab::Measure::LossGradient);
        QVERIFY(ratio(lstm->timeGradients) >= 1e-3);
        QVERIFY(ratio(rnn->timeGradients) < 1e-6);
        QCOMPARE(lab->timeChart()->line(0).history.sampleCount(), 50LL);
        QCOMPARE(lab->timeChart()->line(0).history.lastY(), rnn->timeGradients.back());
        QVERIFY(lab->heatRows() > 10);
        ++checked;
      } else if (name == QLatin1String("seq-clip-none")) {
        const SequenceLab::RunView& v = lab->runViews().at(0);
        QVERIFY(v.divergence);
        QVERIFY(v.step < 500);
        QCOMPARE(lab->scoreText(0, 2), QStringLiteral("diverged"));
        ++checked;
      } else if (name == QLatin1String("seq-clip-norm")) {
        const SequenceLab::RunView& v = lab->runViews().at(0);
        QVERIFY(!v.divergence);
        QVERIFY(v.report);
        const double base = dlio::loadSeqData(c.task)->baselineLoss;
        QVERIFY2(v.report->test.loss < 0.5 * base, qPrintable(QString::number(v.report->test.loss)));
        QVERIFY(v.clippedSteps > 0);
        ++checked;
      } else if (name == QLatin1String("seq-reverse-attention") || name == QLatin1String("seq-reverse-plain")) {
        QVERIFY(lab->seq2seqState());
        const auto& s = *lab->seq2seqState();
        QCOMPARE(s.step, 1500L);
        if (name.endsWith(QLatin1String("attention"))) {
          // The typed (first held-out) sequence's alignment: each output step reads the mirrored
          // position, and the decoding is its reverse.
          QCOMPARE(s.alignment.rows(), dl::Index(10));
          int onDiagonal = 0;
          for (dl::Index t = 0; t < 10; ++t) {
            dl::Index at = 0;
            s.alignment.row(t).maxCoeff(&at);
            onDiagonal += at == 9 - t;
          }
          QVERIFY2(onDiagonal >= 9, qPrintable(QString::number(onDiagonal)));
          QCOMPARE(lab->alignment()->data().rows(), Eigen::Index(10));
          QVERIFY(lab->decoded()->text().contains(QStringLiteral("→")));
        } else {
          QCOMPARE(s.alignment.size(), dl::Index(0));
          QVERIFY(lab->alignment()->data().size() == 0);
        }
        ++checked;
      } else if (name.startsWith(QLatin1String("seq-motif-"))) {
        // The training tab; the score board names the run by its first layer and gives its test
        // accuracy: the motif at positions training never showed it at.
        QCOMPARE(tab, lab->tabPage(SequenceLab::TrainingTab));
        QVERIFY(lab->accuracyChart()->isVisible());
        // No recurrent layer: no gradient through time, no cell to look inside.
        QVERIFY(!lab->tabs()->isTabVisible(SequenceLab::TimeTab) && !lab->tabs()->isTabVisible(SequenceLab::InsideTab));
        const bool conv = name.endsWith(QLatin1String("conv"));
        const SequenceLab::RunView* v = run(*lab, conv ? QStringLiteral("CONV1D") : QStringLiteral("DENSE"));
        QVERIFY(v && v->report && !v->divergence);
        QCOMPARE(v->step, c.training.steps);
        const double acc = v->report->test.accuracy;
        QCOMPARE(lab->scoreText(0, 3), QString::number(100 * acc, 'f', 1) + QLatin1Char('%'));
        QCOMPARE(lab->scoreText(-1, 3), QStringLiteral("test accuracy"));
        if (conv) QVERIFY2(acc >= 0.95, qPrintable(QString::number(acc)));
        else QVERIFY2(acc <= 0.6, qPrintable(QString::number(acc)));
        // Without a hidden state the board drops its gradient, ρ(U) and ∏ fₜ columns (they would
        // only show dashes), and keeps the accuracy.
        for (int col = 4; col < 7; ++col)
          QVERIFY(!lab->findChild<QLabel*>(QStringLiteral("seqScore0_%1").arg(col))->isVisible());
        QVERIFY(lab->findChild<QLabel*>(QStringLiteral("seqScore1_3"))->isVisible());
        // The answers show each test sequence with A B C bracketed, and on the test sequences it
        // sits in the second half (T = 20), where training never put it.
        const QString answers = lab->findChild<QPlainTextEdit*>(QStringLiteral("seqExamples"))->toPlainText();
        int bracketed = 0;
        for (const QString& line : answers.split(QLatin1Char('\n'))) {
          const qsizetype at = line.trimmed().indexOf(QStringLiteral("[ABC]"));
          if (at < 0) continue;
          ++bracketed;
          QVERIFY2(at >= 10 && line.trimmed().size() == 20 + 2, qPrintable(line));
        }
        QVERIFY2(bracketed >= 2, qPrintable(answers));
        ++checked;
      } else if (name == QLatin1String("seq-words-corpus")) {
        QVERIFY(lab->wordsState());
        const WordsState& ws = *lab->wordsState();
        QVERIFY(ws.progress.finished);
        QVERIFY(!ws.neighbours.empty());
        QCOMPARE(ws.neighbours.front().word, std::string("queen"));
        QVERIFY(lab->neighbours()->text().startsWith(QStringLiteral("queen")));
        // The watch line's analogy: france : paris :: italy : ? has rome among its first two.
        QVERIFY(ws.analogy.size() >= 2);
        QVERIFY2(ws.analogy[0].word == "rome" || ws.analogy[1].word == "rome",
                 qPrintable(QString::fromStdString(ws.analogy[0].word + ", " + ws.analogy[1].word)));
        QVERIFY(lab->wordMap()->isVisible());
        ++checked;
      }
    }
    QVERIFY(viaNotes >= 3);
    QCOMPARE(checked, 12);
  }

  // The controls: clipping and the learning rate apply while training (no restart); a cell box
  // restarts with the cells ticked; the temperature and the sample change what is shown.
  void controlsApply() {
    SequenceLab lab;
    lab.resize(1366, 768);
    lab.show();
    QString error;
    QVERIFY2(lab.setConfig(dlio::readSeqPreset(QStringLiteral("seq-clip-none")), &error), qPrintable(error));
    QVERIFY(!lab.running());  // set up, paused
    // Clipping on, while it trains: it no longer diverges.
    auto* mode = lab.findChild<QComboBox*>(QStringLiteral("seqClipMode"));
    auto* threshold = lab.findChild<QDoubleSpinBox*>(QStringLiteral("seqClipThreshold"));
    QVERIFY(mode && threshold);
    QCOMPARE(lab.runViews().at(0).step, 0LL);
    threshold->setValue(2.0);
    mode->setCurrentIndex(1);
    emit mode->activated(1);
    lab.togglePlay();
    QVERIFY(QTest::qWaitFor([&] { return lab.runViews().at(0).step >= 400; }, 60000));
    lab.togglePlay();
    QVERIFY(!lab.runViews().at(0).divergence);
    QVERIFY(lab.runViews().at(0).clippedSteps > 0);
    QCOMPARE(lab.config().training.clipNorm, 2.0);

    // Three cells: one run each, named and coloured.
    QVERIFY(lab.loadPreset(QStringLiteral("seq-rnn-gain-1"), &error));
    for (const char* k : {"lstm", "gru"}) {
      auto* box = lab.findChild<QCheckBox*>(QStringLiteral("seqCell-") + QLatin1String(k));
      QVERIFY(box);
      box->click();
    }
    QCOMPARE(lab.runViews().size(), std::size_t(3));
    QCOMPARE(lab.runViews()[1].name, QStringLiteral("LSTM"));
    QCOMPARE(lab.config().training.cells.size(), std::size_t(3));
    // Another test sequence: the insides follow.
    lab.setInsideRun(1);
    lab.setInsideSample(5);
    QVERIFY(QTest::qWaitFor([&] {
      const auto& v = lab.runViews()[1];
      return v.report && v.report->sample == 5;
    }, 20000));
    // Another task: the stack gets the head it needs (recall: one output per symbol; adding: one).
    auto* task = lab.findChild<QComboBox*>(QStringLiteral("seqTask"));
    task->setCurrentIndex(task->findData(QStringLiteral("adding")));
    emit task->activated(task->currentIndex());
    QCOMPARE(lab.config().task.kind, std::string("adding"));
    QCOMPARE(lab.config().layers.back().units, dl::Index(1));
    QVERIFY(lab.banner()->isHidden());
    // The motif task is offered, named: two classes (present or not), one input per symbol.
    const int motif = task->findData(QStringLiteral("motif"));
    QVERIFY(motif >= 0);
    QVERIFY(!task->itemText(motif).isEmpty() && task->itemText(motif) != task->itemText(motif - 1));
    task->setCurrentIndex(motif);
    emit task->activated(motif);
    QCOMPARE(lab.config().task.kind, std::string("motif"));
    QCOMPARE(lab.config().layers.back().units, dl::Index(2));
    QVERIFY(lab.banner()->isHidden());
  }

  // The character model on the notes: sampled text appears and changes with the temperature.
  void characterModelSamples() {
    SequenceLab lab;
    lab.resize(1366, 768);
    lab.show();
    dl::SeqConfig c = dlio::readSeqPreset(QStringLiteral("seq-adding-cells"));
    c.task = dl::SeqTaskConfig{};
    c.task.kind = "chars";
    c.task.length = 32;
    c.task.vocabulary = 96;
    c.training.cells.clear();
    c.training.steps = 60;
    dl::LayerSpec rec;
    rec.kind = "lstm";
    rec.units = 32;
    rec.returnSequences = true;
    dl::LayerSpec head;
    head.kind = "conv1d";
    head.kernel = 1;
    const auto data = dlio::loadSeqData(c.task);
    head.units = data->classes;
    c.layers = {rec, head};
    dl::LayerSpec emb;
    emb.kind = "embedding";
    emb.units = 16;
    emb.vocabulary = data->classes;
    if (data->tokens) c.layers.insert(c.layers.begin(), emb);
    QString error;
    QVERIFY2(lab.setConfig(c, &error), qPrintable(error));
    QVERIFY(lab.finish(kTrainMs));
    QVERIFY(lab.sampledText()->isVisible() || !lab.tabPage(SequenceLab::TrainingTab)->isVisible());
    const QString first = lab.sampledText()->toPlainText();
    QVERIFY(first.size() >= 100);
    lab.setTemperature(0.0);  // greedy: the likeliest characters
    QVERIFY(QTest::qWaitFor([&] { return lab.sampledText()->toPlainText() != first; }, 20000));
    QVERIFY(lab.examples()->toPlainText().contains(QStringLiteral("predicted")));
  }

  // File → Open of a sequence file (its JSON says "lab": "sequence") switches to the lab with it;
  // a broken one leaves the window as it was, with one line naming the field.
  void windowOpensSequenceFiles() {
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QStringList errors;
    w.setErrorReporter([&](const QString& m) { errors << m; });
    QTemporaryDir dir;
    dl::SeqConfig c = dlio::readSeqPreset(QStringLiteral("seq-lstm-forget-5"));
    c.task.length = 40;
    const QString path = dir.filePath(QStringLiteral("forget.json"));
    dlio::writeSeqFile(path, c);
    QVERIFY(w.openExperiment(path));
    QCOMPARE(w.currentLab(), QStringLiteral("sequence"));
    SequenceLab* lab = seqLab(w);
    QVERIFY(lab);
    QCOMPARE(lab->config().task.length, 40);
    QVERIFY(lab->finish(kTrainMs));
    QVERIFY(lab->runViews().at(0).report);
    QCOMPARE(lab->runViews().at(0).report->inside.hidden.cols(), Eigen::Index(40));
    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    QFile f(broken);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "dlplay-sequence", "version": 1, "lab": "sequence", "layers": [{"kind": "lstm", "units": 0}]})");
    f.close();
    w.setLab(QStringLiteral("playground"));
    QVERIFY(!w.openExperiment(broken));
    QCOMPARE(w.currentLab(), QStringLiteral("playground"));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors[0].contains(QStringLiteral("units")) && errors[0].contains(QStringLiteral("broken.json")),
             qPrintable(errors[0]));
    QCOMPARE(lab->config().task.length, 40);
  }

  // Bad input: one line naming what is wrong; the experiment that runs goes on.
  void badInputKeepsTheRun() {
    SequenceLab lab;
    lab.resize(1366, 768);
    lab.show();
    QString error;
    QVERIFY(lab.loadPreset(QStringLiteral("seq-reverse-attention"), &error));
    QVERIFY(lab.running());
    // A typed sequence with a letter, or of the wrong length.
    QVERIFY(!lab.setSource(QStringLiteral("1 2 x 4 5 6 7 8 9 0"), &error));
    QCOMPARE(error, QStringLiteral("typed sequence: 'x' is not a digit from 0 to 9"));
    QVERIFY(!lab.setSource(QStringLiteral("1 2 3"), &error));
    QCOMPARE(error, QStringLiteral("typed sequence: 3 digits; this model reads exactly 10"));
    QVERIFY(lab.setSource(QStringLiteral("0123456789"), &error));
    QVERIFY(lab.running());
    // A broken file and a FIFO: one line naming the file; the model keeps training.
    QTemporaryDir dir;
    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    QFile f(broken);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "dlplay-sequence", "version": 1, "lab": "sequence", "task": {"kind": "adding", "length": -3}})");
    f.close();
    QVERIFY(!lab.openFile(broken, &error));
    QVERIFY2(error.contains(QStringLiteral("task.length")) && error.contains(QStringLiteral("-3")), qPrintable(error));
    QVERIFY(!error.contains(QLatin1Char('\n')));
    QVERIFY(lab.config().isSeq2Seq());
    QVERIFY(lab.running());
    // A user's text or series that is empty, binary, not a regular file or too short for the
    // window: one line naming the file; the encoder-decoder trains on.
    {
      const QString empty = dir.filePath(QStringLiteral("empty.txt"));
      QFile e(empty);
      QVERIFY(e.open(QIODevice::WriteOnly));
      e.close();
      const QString shortText = dir.filePath(QStringLiteral("short.txt"));
      QFile t(shortText);
      QVERIFY(t.open(QIODevice::WriteOnly));
      t.write("abc");
      t.close();
      const QString binary = dir.filePath(QStringLiteral("binary.txt"));
      QFile b(binary);
      QVERIFY(b.open(QIODevice::WriteOnly));
      b.write(QByteArray("text\0\x01\x02 more", 16));
      b.close();
      const QString fifo = dir.filePath(QStringLiteral("fifo.txt"));
      QVERIFY(::mkfifo(fifo.toLocal8Bit().constData(), 0600) == 0);
      const QString series = dir.filePath(QStringLiteral("series.csv"));
      QFile sc(series);
      QVERIFY(sc.open(QIODevice::WriteOnly));
      sc.write("value\n1\n2\nthree\n");
      sc.close();
      struct Case {
        QString kind, file;
      };
      for (const Case& k : {Case{"chars", empty}, Case{"chars", shortText}, Case{"chars", binary},
                            Case{"chars", fifo}, Case{"chars", QStringLiteral("/dev/zero")},
                            Case{"words", empty}, Case{"series", series}}) {
        dl::SeqConfig c = dlio::readSeqPreset(QStringLiteral("seq-adding-cells"));
        c.task.kind = k.kind.toStdString();
        c.task.file = k.file.toStdString();
        c.task.length = 32;
        QElapsedTimer timer;
        timer.start();
        QVERIFY2(!lab.setConfig(c, &error), qPrintable(k.file));
        QVERIFY2(timer.elapsed() < 5000, qPrintable(k.file + QStringLiteral(" took too long")));
        QVERIFY2(error.contains(QFileInfo(k.file).fileName()), qPrintable(error));
        QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error));
        QVERIFY(lab.config().isSeq2Seq());
        QVERIFY(lab.running());
      }
    }
    const long before = lab.seq2seqState() ? lab.seq2seqState()->step : 0;
    QVERIFY(QTest::qWaitFor([&] { return lab.seq2seqState() && lab.seq2seqState()->step > before + 20; }, 20000));
    lab.togglePlay();
    // An unknown word in the word-vector tab.
    QVERIFY(lab.loadPreset(QStringLiteral("seq-words-corpus"), &error));
    lab.setQuery(QStringLiteral("zebra-unknown"));
    QVERIFY(QTest::qWaitFor([&] { return lab.neighbours()->text().contains(QStringLiteral("zebra-unknown")); }, 20000));
    QVERIFY(lab.neighbours()->text().contains(QStringLiteral("not in the corpus")));
  }
  // The task presets, each loaded into the lab and trained to its claim's step: what the watch line
  // promises is on the score board, the chart and the sampled text (the numbers of tst_app_seq).
  void taskPresetsShowTheirClaim() {
    SequenceLab lab;
    lab.resize(1366, 768);
    lab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&lab));
    double fullAccuracy = NAN;
    for (const QString& name : kTaskPresets) {
      QString error;
      QVERIFY2(lab.loadPreset(name, &error), qPrintable(error));
      QVERIFY2(lab.running(), qPrintable(name));  // one click trains it
      QVERIFY(!lab.watchLine()->text().isEmpty());
      QVERIFY2(lab.finish(kTrainMs), qPrintable(name + " did not reach its claim's step"));
      QVERIFY(!lab.running());
      const dl::SeqConfig c = dlio::readSeqPreset(name);
      const SequenceLab::RunView& v = lab.runViews().at(0);
      QCOMPARE(v.step, c.training.steps);
      QVERIFY(v.report && !v.divergence);
      if (name.startsWith(QLatin1String("seq-recall-"))) {
        QCOMPARE(lab.tabs()->currentWidget(), lab.tabPage(SequenceLab::TimeTab));
        QCOMPARE(lab.measure(), SequenceLab::Measure::LossGradient);
        const double acc = v.report->test.accuracy;
        QCOMPARE(lab.scoreText(0, 3), QString::number(100 * acc, 'f', 1) + QLatin1Char('%'));
        QCOMPARE(lab.timeChart()->line(0).history.sampleCount(), 20LL);
        if (name.endsWith(QLatin1String("bptt"))) {
          QVERIFY2(acc >= 0.95, qPrintable(QString::number(acc)));
          QVERIFY(v.timeGradients.front() > 0);  // the line reaches t = 1
          QVERIFY(!lab.timeChart()->line(0).hasZeroMarks());
          fullAccuracy = acc;
        } else {
          QVERIFY2(acc <= 0.75 && fullAccuracy - acc >= 0.3, qPrintable(QString::number(acc)));
          // Steps 1–10 get no gradient: marks along the bottom, the line from t = 11.
          for (int t = 0; t < 10; ++t) QCOMPARE(v.timeGradients[std::size_t(t)], 0.0);
          QVERIFY(v.timeGradients[10] > 0);
          QVERIFY(lab.timeChart()->line(0).hasZeroMarks());
        }
      } else if (name == QLatin1String("seq-sine-cells")) {
        QCOMPARE(lab.tabs()->currentWidget(), lab.tabPage(SequenceLab::TrainingTab));
        const SequenceLab::RunView* lstm = run(lab, QStringLiteral("LSTM"));
        const SequenceLab::RunView* gru = run(lab, QStringLiteral("GRU"));
        QVERIFY(lstm && gru && lstm->report && gru->report);
        const double base = dlio::loadSeqData(c.task)->baselineLoss;
        QVERIFY2(lab.scoreText(-1, 3).contains(QString::number(base, 'g', 3)), qPrintable(lab.scoreText(-1, 3)));
        QVERIFY2(lstm->report->test.loss < 0.001 && lstm->report->test.loss < 0.01 * base,
                 qPrintable(QString::number(lstm->report->test.loss)));
        QVERIFY2(gru->report->test.loss < 0.001 && gru->report->test.loss <= lstm->report->test.loss,
                 qPrintable(QString::number(gru->report->test.loss)));
      } else if (name == QLatin1String("seq-chars-notes")) {
        QCOMPARE(lab.tabs()->currentWidget(), lab.tabPage(SequenceLab::TrainingTab));
        const double acc = v.report->test.accuracy;
        QVERIFY2(acc >= 0.40, qPrintable(QString::number(acc)));
        QCOMPARE(lab.scoreText(0, 3), QString::number(100 * acc, 'f', 1) + QLatin1Char('%'));
        // The sampled text (temperature 0.7, seed 1): fragments, with "the" and "and" among them.
        QVERIFY(lab.sampledText()->isVisible());
        const QString text = lab.sampledText()->toPlainText();
        for (const char* w : {"the", "and"})
          QVERIFY2(text.contains(QRegularExpression(QStringLiteral("\\b%1\\b").arg(QLatin1String(w)))),
                   qPrintable(text));
      }
    }
  }
};

QTEST_MAIN(TestUiSeq)
#include "tst_ui_seq.moc"
