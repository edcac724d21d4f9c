// The sequence lab's engine: its tasks, texts and series (and their errors), the trainer's losses,
// clipping and determinism, the Jacobian through time, and the character model.
#include "core/Error.h"
#include "core/Parallel.h"
#include "data/SequenceTasks.h"
#include "nn/Pool2d.h"
#include "seq/SeqTrainer.h"
#include "train/Clipping.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace dl;

namespace {

LayerSpec layer(const char* kind, Index units) {
  LayerSpec s;
  s.kind = kind;
  s.units = units;
  return s;
}

SeqConfig small(const char* task, const char* cell, Index outputs) {
  SeqConfig c;
  c.task.kind = task;
  c.task.length = 12;
  c.task.trainCount = 96;
  c.task.validationCount = 32;
  c.task.testCount = 32;
  c.layers = {layer(cell, 8), layer("dense", outputs)};
  c.training.batchSize = 16;
  c.training.evalEvery = 5;
  return c;
}

std::string write(const QTemporaryDir& dir, const char* name, const std::string& bytes) {
  const std::string path = dir.filePath(name).toStdString();
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

// The message of the DataError f throws ("" when it throws none).
template <class F>
QString dataError(F&& f) {
  try {
    f();
  } catch (const DataError& e) {
    return QString::fromStdString(e.what());
  }
  return {};
}

}  // namespace

class SeqTest : public QObject {
  Q_OBJECT
private slots:
  // Two markers, one in each half; the target is the sum of the marked values, which lie in [0, 1).
  void addingProblem() {
    Rng rng(3);
    const SeqSet s = dl::addingProblem(200, 10, rng);
    QCOMPARE(s.X.rows(), 20);
    for (Index n = 0; n < s.size(); ++n) {
      Index first = -1, second = -1;
      double sum = 0;
      for (Index t = 0; t < 10; ++t) {
        QVERIFY(s.X(t, n) >= 0 && s.X(t, n) < 1);
        if (s.X(10 + t, n) == 1) {
          (first < 0 ? first : second) = t;
          sum += s.X(t, n);
        } else {
          QCOMPARE(s.X(10 + t, n), Scalar(0));
        }
      }
      QVERIFY(first >= 0 && first < 5 && second >= 5);
      QCOMPARE(static_cast<double>(s.targets(0, n)), static_cast<double>(static_cast<Scalar>(sum)));
    }
  }

  // Recall: one symbol per step (one-hot), the class is step 0's. Parity: the number of ones mod 2.
  void recallAndParity() {
    Rng rng(5);
    const SeqSet r = recallSymbol(100, 7, 4, rng);
    for (Index n = 0; n < r.size(); ++n) {
      for (Index t = 0; t < 7; ++t) {
        Scalar ones = 0;
        for (Index k = 0; k < 4; ++k) ones += r.X(k * 7 + t, n);
        QCOMPARE(ones, Scalar(1));
      }
      QCOMPARE(r.X(r.labels[static_cast<std::size_t>(n)] * 7, n), Scalar(1));
    }
    const SeqSet p = parityBits(100, 5, rng);
    for (Index n = 0; n < p.size(); ++n)
      QCOMPARE(static_cast<int>(p.X.col(n).sum()) % 2, p.labels[static_cast<std::size_t>(n)]);
  }

  // The motif task: one symbol per step, class 1 exactly when A B C occurs (found here by brute
  // force), half the sequences of each class, a positive's motif only at the places asked for.
  void motifSequencesAndPlaces() {
    const Index T = 20, K = 4;
    const auto symbolAt = [&](const SeqSet& s, Index n, Index t) {
      Index found = -1;
      for (Index k = 0; k < K; ++k)
        if (s.X(k * T + t, n) == 1) {
          if (found >= 0) return Index(-2);  // two symbols at one step
          found = k;
        }
      return found;
    };
    const auto starts = [&](const SeqSet& s, Index n) {
      std::vector<Index> out;
      for (Index t = 0; t + 3 <= T; ++t)
        if (symbolAt(s, n, t) == 0 && symbolAt(s, n, t + 1) == 1 && symbolAt(s, n, t + 2) == 2) out.push_back(t);
      return out;
    };
    for (const MotifPlaces places : {MotifPlaces::Anywhere, MotifPlaces::FirstHalf, MotifPlaces::SecondHalf}) {
      Rng rng(11);
      const SeqSet s = motifSequences(1001, T, int(K), places, rng);
      QCOMPARE(s.X.rows(), K * T);
      QCOMPARE(s.X.sum(), Scalar(1001 * T));  // one-hot: exactly one symbol per step
      int positives = 0;
      std::vector<int> startCount(T, 0);
      for (Index n = 0; n < s.size(); ++n) {
        for (Index t = 0; t < T; ++t) QVERIFY(symbolAt(s, n, t) >= 0);
        const std::vector<Index> at = starts(s, n);
        const int label = s.labels[static_cast<std::size_t>(n)];
        QCOMPARE(label, at.empty() ? 0 : 1);
        if (!label) continue;
        ++positives;
        QCOMPARE(at.size(), std::size_t(1));
        ++startCount[static_cast<std::size_t>(at[0])];
        if (places == MotifPlaces::FirstHalf) QVERIFY2(at[0] + 3 <= T / 2, qPrintable(QString::number(at[0])));
        if (places == MotifPlaces::SecondHalf) QVERIFY2(at[0] >= T / 2, qPrintable(QString::number(at[0])));
      }
      QCOMPARE(positives, 500);  // balanced: 500 of 1001
      // Every allowed start occurs (about 500/18 or 500/8 each); none outside.
      const Index lo = places == MotifPlaces::SecondHalf ? T / 2 : 0;
      const Index hi = places == MotifPlaces::FirstHalf ? T / 2 - 3 : T - 3;
      for (Index t = 0; t + 3 <= T; ++t) QCOMPARE(startCount[static_cast<std::size_t>(t)] > 0, t >= lo && t <= hi);
    }
    // The same seed, the same sequences.
    Rng a(3), b(3);
    QCOMPARE(motifSequences(50, 12, 3, MotifPlaces::Anywhere, a).X,
             motifSequences(50, 12, 3, MotifPlaces::Anywhere, b).X);
    // Through the task: training and validation hold the motif in the first half, the test in the second.
    SeqTaskConfig task;
    task.kind = "motif";
    task.length = 16;
    task.symbols = 3;  // the fewest: the negatives are repaired often
    task.heldOutPositions = true;
    task.trainCount = task.validationCount = task.testCount = 200;
    const auto d = makeSeqData(task);
    QCOMPARE(d->features, Index(3));
    QCOMPARE(d->classes, 2);
    QCOMPARE(makeSeqData(task)->test.X, d->test.X);
    task.seed = 2;
    QVERIFY(makeSeqData(task)->test.X != d->test.X);
    for (const SeqSet* part : {&d->train, &d->validation, &d->test})
      for (Index n = 0; n < part->size(); ++n) {
        if (!part->labels[static_cast<std::size_t>(n)]) continue;
        Index start = -1;
        for (Index t = 0; t + 3 <= 16; ++t)
          if (part->X(t, n) == 1 && part->X(16 + t + 1, n) == 1 && part->X(32 + t + 2, n) == 1) start = t;
        QVERIFY(start >= 0);
        QCOMPARE(start >= 8, part == &d->test);
      }
    // Bad settings: the field and the value.
    const auto refused = [](Index steps, int symbols) -> QString {
      Rng rng(1);
      try {
        motifSequences(4, steps, symbols, MotifPlaces::FirstHalf, rng);
      } catch (const ConfigError& e) {
        return QString::fromStdString(e.field() + " = " + e.value());
      }
      return {};
    };
    QCOMPARE(refused(20, 2), QString("task.symbols = 2"));
    QCOMPARE(refused(5, 4), QString("task.length = 5"));
    QCOMPARE(refused(6, 3), QString());
    task.symbols = 2;
    try {
      makeSeqData(task);
      QFAIL("two symbols were accepted");
    } catch (const ConfigError& e) {
      QCOMPARE(e.field(), std::string("task.symbols"));
    }
  }

  // Max over time: each channel's largest value over the steps, its gradient to that step alone —
  // the first of equal values — and infer gives what forward gives. (tst_gradcheck_f64 checks the
  // gradient of the registered "global_max_pool" against finite differences.)
  void maxOverTime() {
    const std::unique_ptr<Layer> pool = makeLayer(LayerSpec{.kind = "global_max_pool"}, Shape{2, 1, 1, 4}, "layers[2]");
    QCOMPARE(pool->outputShape(), Shape::flat(2));
    QCOMPARE(pool->paramCount(), Index(0));
    Matrix x(8, 2);
    // channel 0 (rows 0–3), channel 1 (rows 4–7); sample 1 has a tie at steps 1 and 3 of channel 0.
    x << 0.5, 1.0,   //
        2.0, 3.0,    //
        -1.0, 0.0,   //
        1.5, 3.0,    //
        -2.0, -5.0,  //
        -3.0, -4.0,  //
        -0.5, -6.0,  //
        -1.0, -4.0;
    Matrix expected(2, 2);
    expected << 2.0, 3.0, -0.5, -4.0;
    const Matrix y = pool->forward(x, Pass{}, {}, {});
    QCOMPARE(y, expected);
    Matrix out;
    QCOMPARE(pool->infer(x, out, {}, {}), expected);
    Matrix dy(2, 2);
    dy << 10, 20, 30, 40;
    const Matrix dx = pool->backward(x, dy, {}, {}, true);
    Matrix dxExpected = Matrix::Zero(8, 2);
    dxExpected(1, 0) = 10;
    dxExpected(6, 0) = 30;
    dxExpected(1, 1) = 20;  // the tie of steps 1 and 3: the first
    dxExpected(5, 1) = 40;  // the tie of steps 1 and 3 of channel 1: the first
    QCOMPARE(dx, dxExpected);
  }

  // Windows of a series: the target is the value after the window; too short: none.
  void seriesAndTokenWindows() {
    const SeqSet s = seriesWindows({1, 2, 3, 4, 5, 6}, 4);
    QCOMPARE(s.size(), 2);
    QCOMPARE(s.X(0, 1), Scalar(2));
    QCOMPARE(s.targets(0, 1), Scalar(6));
    QCOMPARE(seriesWindows({1, 2, 3}, 3).size(), 0);
    const SeqSet w = tokenWindows({0, 1, 2, 3, 4, 5, 6}, 3, 2);  // windows at 0, 2 (the one at 4 lacks a target)
    QCOMPARE(w.size(), 2);
    QCOMPARE(w.X(0, 1), Scalar(2));
    QCOMPARE(w.labels, (std::vector<int>{1, 2, 3, 3, 4, 5}));
  }

  // UTF-8 code points, the most frequent first; Chinese characters are single tokens; rare ones
  // share the last id; "\r" is dropped.
  void tokenizer() {
    const TextTokens t = tokenizeText("ab\r\nb梯度b", "notes.md", 10);
    QCOMPARE(t.vocabulary.front(), std::string("b"));
    QCOMPARE(t.ids.size(), std::size_t(7));  // a b \n b 梯 度 b
    QCOMPARE(t.vocabulary[static_cast<std::size_t>(t.ids[4])], std::string("梯"));
    const TextTokens capped = tokenizeText("aaabbc", "x", 2);
    QCOMPARE(capped.vocabulary, (std::vector<std::string>{"a", "\uFFFD"}));
    QCOMPARE(capped.ids, (std::vector<int>{0, 0, 0, 1, 1, 1}));
  }

  // Text that cannot be learned from: one line naming the source and what is wrong.
  void badText() {
    const auto error = [](const std::string& text) { return dataError([&] { tokenizeText(text, "my.txt", 100); }); };
    QVERIFY2(error("").startsWith("my.txt") && error("").contains("empty"), qPrintable(error("")));
    QVERIFY(error(std::string("ab\0cd", 5)).contains("NUL byte at offset 2"));
    QVERIFY(error("ok \xff\xfe").contains("not UTF-8 text (a bad byte sequence at offset 3)"));
    QVERIFY(error("\xc0\xaf").contains("not UTF-8"));  // an overlong '/'
    QVERIFY(error("aaaa").contains("fewer than 2 different characters"));
    SeqTaskConfig task;
    task.kind = "chars";
    task.length = 50;
    const QString shortText = dataError([&] { makeSeqData(task, "hello world, a short text", "short.txt"); });
    QVERIFY2(shortText.contains("short.txt") && shortText.contains("too short for windows of 50"),
             qPrintable(shortText));
  }

  // A series from a CSV: a header or not, a column by name or number, one column alone; errors
  // name the file, the line and the column.
  void series() {
    QTemporaryDir dir;
    const std::string one = write(dir, "one.csv", "3\n1.5\n-2\n");
    QCOMPARE(readSeries(one, ""), (std::vector<double>{3, 1.5, -2}));
    const std::string two = write(dir, "two.csv", "day,temp\r\n1,20.5\r\n2,21\r\n3,19\r\n");
    QCOMPARE(readSeries(two, ""), (std::vector<double>{20.5, 21, 19}));
    QCOMPARE(readSeries(two, "day"), (std::vector<double>{1, 2, 3}));
    QCOMPARE(readSeries(two, "1"), (std::vector<double>{1, 2, 3}));
    QString e = dataError([&] { readSeries(two, "rain"); });
    QVERIFY2(e.contains("two.csv") && e.contains("no column 'rain' (columns: day, temp)"), qPrintable(e));
    e = dataError([&] { readSeries(write(dir, "bad.csv", "1\n2\nabc\n4\n"), ""); });
    QVERIFY2(e.contains("bad.csv: line 3, column 1") && e.contains("'abc' is not a finite number"), qPrintable(e));
    e = dataError([&] { readSeries(write(dir, "bin.csv", std::string("1\n\0\0\0", 5)), ""); });
    QVERIFY2(e.contains("binary"), qPrintable(e));
    e = dataError([&] { readSeries(write(dir, "empty.csv", "\n\n"), ""); });
    QVERIFY2(e.contains("empty"), qPrintable(e));
    e = dataError([&] { readSeries(dir.filePath("missing.csv").toStdString(), ""); });
    QVERIFY2(e.contains("missing.csv"), qPrintable(e));
    SeqTaskConfig task;
    task.kind = "series";
    task.file = write(dir, "few.csv", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n");
    task.length = 5;
    e = dataError([&] { makeSeqData(task); });
    QVERIFY2(e.contains("few.csv") && e.contains("has 12 values: too short for windows of 5"), qPrintable(e));
    // Long enough: standardised with the training part's mean and spread, 80/10/10 in time order.
    std::string rows;
    for (int i = 0; i < 40; ++i) rows += std::to_string(10 + i % 7) + "\n";
    task.file = write(dir, "ok.csv", rows);
    const auto d = makeSeqData(task);
    QCOMPARE(d->train.size() + d->validation.size() + d->test.size(), Index(35));
    QCOMPARE(d->train.size(), Index(28));
    QVERIFY(d->scale > 1 && d->offset > 10);
    QVERIFY(std::abs(static_cast<double>(d->train.targets(0, 0)) * d->scale + d->offset - 15.0) < 1e-5);
  }

  // The input-blind baseline of the adding problem is the variance of a sum of two uniform
  // numbers, 1/6; a trainer's validation loss at the start sits near it.
  void baselines() {
    SeqTaskConfig task;
    task.trainCount = 20000;
    task.validationCount = 20000;
    const auto d = makeSeqData(task);
    QVERIFY2(std::abs(d->baselineLoss - 1.0 / 6) < 0.01, qPrintable(QString::number(d->baselineLoss)));
    task.kind = "recall";
    task.symbols = 8;
    QVERIFY(std::abs(makeSeqData(task)->baselineLoss - std::log(8.0)) < 0.02);
  }

  // Configuration errors name the field and the value.
  void badConfiguration() {
    const auto refused = [](const SeqConfig& c) -> QString {
      try {
        SeqTrainer t(c, makeSeqData(c.task));
      } catch (const ConfigError& e) {
        return QString::fromStdString(e.field() + " = " + e.value());
      }
      return {};
    };
    SeqConfig c = small("adding", "lstm", 1);
    c.task.kind = "poetry";
    QVERIFY2(refused(c).startsWith("task.kind = poetry"), qPrintable(refused(c)));
    c = small("adding", "lstm", 3);
    QCOMPARE(refused(c), QString("layers = 3 outputs"));
    c = small("recall", "lstm", 8);
    c.training.cells = {"rnn", "transformer"};
    QCOMPARE(refused(c), QString("training.cells[1] = transformer"));
    c.training.cells = {"gru", "gru"};
    QCOMPARE(refused(c), QString("training.cells[1] = gru"));
    c = small("adding", "lstm", 1);
    c.training.clipNorm = -1;
    QCOMPARE(refused(c), QString("training.clipNorm = -1"));
    c = small("adding", "lstm", 1);
    c.layers[0].units = 0;
    QVERIFY2(refused(c).startsWith("layers[0].units"), qPrintable(refused(c)));
  }

  // Clipping by global norm keeps the direction (cosine 1); clipping by value bends it.
  void clippingKeepsOrBendsTheDirection() {
    Rng rng(7);
    Vector g(50);
    for (Index i = 0; i < g.size(); ++i) g(i) = static_cast<Scalar>(rng.normal() * (i % 5 == 0 ? 20 : 1));
    const double norm = g.cast<double>().norm();
    const auto cosine = [&](const Vector& v) {
      return v.cast<double>().dot(g.cast<double>()) / (v.cast<double>().norm() * norm);
    };
    Vector byNorm = g, byValue = g;
    QVERIFY(clipGradient(byNorm, norm, 0, 1.0));
    QVERIFY(std::abs(byNorm.cast<double>().norm() - 1.0) < 1e-5);
    QVERIFY(std::abs(cosine(byNorm) - 1.0) < 1e-6);
    QVERIFY(clipGradient(byValue, norm, 1.0, 0));
    QVERIFY(byValue.cwiseAbs().maxCoeff() <= 1);
    QVERIFY2(cosine(byValue) < 0.9, qPrintable(QString::number(cosine(byValue))));
    Vector small = g * Scalar(1e-3);
    QVERIFY(!clipGradient(small, norm * 1e-3, 100, 100));
  }

  // Every cell trains the same bits on one thread and on two, and its gradient through time has
  // one value per step.
  void sameBitsOnOneAndTwoThreads() {
    for (const char* cell : {"rnn", "lstm", "gru"}) {
      std::vector<Vector> params;
      for (int threads : {1, 2}) {
        setThreadCount(threads);
        SeqConfig c = small("recall", cell, 8);
        c.training.clipNorm = 0.5;
        SeqTrainer t(c, makeSeqData(c.task));
        for (int k = 0; k < 12; ++k) {
          const SeqStep s = t.step();
          QCOMPARE(s.timeGradients.size(), std::size_t(12));
          QVERIFY(s.clipped || s.gradNormTotal <= 0.5);
        }
        params.push_back(t.network().params());
      }
      setThreadCount(0);
      QVERIFY2(params[0] == params[1], cell);
    }
  }

  // A GRU whose update gate is held at 0 (z = 0 keeps the state in this engine's convention)
  // passes the hidden state through unchanged: its Jacobian ∂h_t/∂h_s is the identity. With its
  // gate free, it is not.
  void gruWithUpdateGateClosedIsTheIdentity() {
    SeqConfig c = small("adding", "gru", 1);
    SeqTrainer t(c, makeSeqData(c.task));
    const Eigen::MatrixXd free = t.stateJacobian(SeqSplit::Test, 0, 2, 9);
    QVERIFY((free - Eigen::MatrixXd::Identity(8, 8)).norm() > 0.1);
    const Index H = 8, F = 2;
    const ParamRange r = t.network().stackParams(t.recurrentIndex());
    Scalar* p = t.network().params().data() + r.offset;
    // W (3H, F) | U (3H, H) | b (3H) | b_hn: the update gate z is rows [H, 2H).
    for (Index f = 0; f < F; ++f)
      for (Index u = H; u < 2 * H; ++u) p[f * 3 * H + u] = 0;
    for (Index h = 0; h < H; ++h)
      for (Index u = H; u < 2 * H; ++u) p[3 * H * F + h * 3 * H + u] = 0;
    for (Index u = H; u < 2 * H; ++u) p[3 * H * (F + H) + u] = -60;
    const Eigen::MatrixXd closed = t.stateJacobian(SeqSplit::Test, 0, 2, 9);
    QVERIFY2((closed - Eigen::MatrixXd::Identity(8, 8)).cwiseAbs().maxCoeff() < 1e-6,
             qPrintable(QString::number((closed - Eigen::MatrixXd::Identity(8, 8)).cwiseAbs().maxCoeff())));
    QCOMPARE(t.stateJacobianNorm(SeqSplit::Test, 0, 2, 9), 1.0);
  }

  // A character model on a small text learns: its validation loss falls well below the
  // input-blind baseline (the characters' frequencies), its per-step outputs are probabilities,
  // and sampling is repeatable for a seed and greedy at temperature 0.
  void characterModel() {
    std::string text;
    for (int i = 0; i < 60; ++i) text += "the cat sat on the mat. 猫坐在垫子上。";
    SeqConfig c;
    c.task.kind = "chars";
    c.task.length = 16;
    LayerSpec emb = layer("embedding", 8), rec = layer("lstm", 32), head = layer("conv1d", 0);
    const auto d = makeSeqData(c.task, text, "cat.txt");
    emb.vocabulary = d->classes;
    rec.returnSequences = true;
    head.units = d->classes;
    head.kernel = 1;
    c.layers = {emb, rec, head};
    c.optimizer.learningRate = 0.01;
    c.training.evalEvery = 100;
    SeqTrainer t(c, d);
    QVERIFY(d->tokens && d->perStep);
    double val = 0;
    for (int k = 0; k < 300; ++k)
      if (const SeqStep s = t.step(); s.evaluated) val = s.valLoss;
    QVERIFY2(val < 0.3 * d->baselineLoss, qPrintable(QString("%1 vs %2").arg(val).arg(d->baselineLoss)));
    QVERIFY(t.evaluate(SeqSplit::Validation).accuracy > 0.8);
    const Matrix p = t.predict(SeqSplit::Test, 0);
    QCOMPARE(p.cols(), Index(16));
    QVERIFY((p.colwise().sum().array() - 1).abs().maxCoeff() < 1e-4);
    const std::vector<int> a = t.sampleText({0, 1}, 40, 0.8, 3), b = t.sampleText({0, 1}, 40, 0.8, 3);
    QCOMPARE(a, b);
    QCOMPARE(a.size(), std::size_t(40));
    QCOMPARE(t.sampleText({0, 1}, 40, 0, 1), t.sampleText({0, 1}, 40, 0, 2));  // greedy ignores the seed
  }
};

QTEST_GUILESS_MAIN(SeqTest)
#include "tst_seq.moc"
