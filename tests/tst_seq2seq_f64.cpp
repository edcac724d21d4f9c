// The sequence-to-sequence model's gradient in double precision: every parameter's analytic
// derivative (seq/Seq2Seq.h backward, full BPTT through output, attention, decoder and encoder)
// against central differences of the loss, for attention none, dot and additive.
#include "seq/Seq2Seq.h"

#include "nn/Layer.h"

#include <QtTest>

#include <cmath>

using namespace dl;

namespace {

struct Check {
  double worstRelative = 0;  // max over parameters of |a − n| / max(|a| + |n|, 1e-3)
  double worstAbsolute = 0;  // max |a − n|
  double largest = 0;        // max |n|
  Index checked = 0;
};

// V = 5 (digits 0..3 and <s>), D = 3, H = 4, Ts = Tt = 4, B = 3; random tokens and parameters.
Check gradientCheck(AttentionKind kind, bool bidirectional, std::uint64_t seed) {
  Seq2Seq model({4, 3, 4, kind, bidirectional});
  const Index B = 3, T = 4;
  Rng rng(seed);
  std::vector<double> p(static_cast<std::size_t>(model.paramCount()));
  model.initialize(rng, p);
  for (double& v : p) v += 0.3 * rng.normal();  // away from the zero biases' symmetric point
  std::vector<int> source(B * T), target(B * T);
  for (int& s : source) s = static_cast<int>(rng.below(4));
  for (int& t : target) t = static_cast<int>(rng.below(4));
  std::vector<double> grads(p.size());
  model.forward(p, source, target, B);
  model.backward(p, grads);
  Check c;
  const double eps = 1e-5;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const double keep = p[i];
    p[i] = keep + eps;
    const double up = model.forward(p, source, target, B);
    p[i] = keep - eps;
    const double down = model.forward(p, source, target, B);
    p[i] = keep;
    const double numeric = (up - down) / (2 * eps), analytic = grads[i];
    c.worstAbsolute = std::max(c.worstAbsolute, std::abs(analytic - numeric));
    c.worstRelative = std::max(c.worstRelative,
                               std::abs(analytic - numeric) / std::max(std::abs(analytic) + std::abs(numeric), 1e-3));
    c.largest = std::max(c.largest, std::abs(numeric));
    ++c.checked;
  }
  return c;
}

}  // namespace

class TestSeq2SeqF64 : public QObject {
  Q_OBJECT
private slots:
  void gradient_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("count");  // the parameter count, as the header documents it
    QTest::addColumn<bool>("bidirectional");
    // G = 3H(D + H) + 4H = 100; none = V·D + 2G + H² + H + V·H + V = 15 + 200 + 16 + 4 + 20 + 5
    QTest::newRow("none") << int(AttentionKind::None) << 260 << false;
    QTest::newRow("dot") << int(AttentionKind::Dot) << 260 + 16 << false;
    // the backward encoder: one more GRU, G = 100
    QTest::newRow("none, bidirectional") << int(AttentionKind::None) << 360 << true;
    QTest::newRow("dot, bidirectional") << int(AttentionKind::Dot) << 376 << true;
    QTest::newRow("additive, bidirectional") << int(AttentionKind::Additive) << 412 << true;
    QTest::newRow("additive") << int(AttentionKind::Additive) << 260 + 3 * 16 + 4
                              << false;  // W_c's H² for c, W_q, W_k (H² each), v (H)
  }
  void gradient() {
    QFETCH(int, kind);
    QFETCH(int, count);
    QFETCH(bool, bidirectional);
    QCOMPARE(Seq2Seq({4, 3, 4, AttentionKind(kind), bidirectional}).paramCount(), Index(count));
    for (std::uint64_t seed : {1u, 2u}) {
      const Check c = gradientCheck(AttentionKind(kind), bidirectional, seed);
      QCOMPARE(c.checked, Index(count));
      qInfo("seed %d: worst relative %.2e, absolute %.2e", int(seed), c.worstRelative, c.worstAbsolute);
      QVERIFY2(c.largest > 1e-2, "the loss must depend on the parameters");
      // Rounding leaves ~1e-16·L/ε ≈ 1e-11 in a central difference: a wrong term is far above both.
      QVERIFY2(c.worstRelative < 1e-6 && c.worstAbsolute < 1e-8,
               qPrintable(QString("relative %1, absolute %2").arg(c.worstRelative).arg(c.worstAbsolute)));
    }
  }

  // GruPass is the cell of nn/Gru.h with the same parameter layout: the same numbers as the layer
  // (whose sequence layout is time-innermost per sample) from h₋₁ = 0.
  void gruPassMatchesGruLayer() {
    const Index D = 3, H = 4, T = 5, B = 2;
    GruPass pass(D, H);
    LayerSpec spec;
    spec.kind = "gru";
    spec.units = H;
    spec.returnSequences = true;
    const auto layer = makeLayer(spec, {D, 1, 1, T}, "gru");
    QCOMPARE(layer->paramCount(), pass.paramCount());
    Rng rng(3);
    std::vector<double> p(static_cast<std::size_t>(pass.paramCount()));
    for (double& v : p) v = rng.normal(0, 0.5);
    Matrix x(D * T, B), xs(D, T * B);  // layer: row f·T + t of column b; pass: column t·B + b
    for (Index b = 0; b < B; ++b)
      for (Index f = 0; f < D; ++f)
        for (Index t = 0; t < T; ++t) xs(f, t * B + b) = x(f * T + t, b) = rng.normal();
    const Matrix& y = layer->forward(x, Pass{}, p, {});
    GruTrace tr;
    pass.forward(p, xs, Matrix::Zero(H, B), tr);
    for (Index b = 0; b < B; ++b)
      for (Index h = 0; h < H; ++h)
        for (Index t = 0; t < T; ++t) QVERIFY(std::abs(y(h * T + t, b) - tr.h(h, (t + 1) * B + b)) < 1e-14);
  }

  // The loss is the mean cross-entropy: uniform logits (all weights 0) give log V per token.
  void lossAtZero() {
    Seq2Seq model({4, 3, 4, AttentionKind::Dot});
    std::vector<double> p(static_cast<std::size_t>(model.paramCount()), 0.0);
    const std::vector<int> source = {0, 1, 2, 3, 3, 2}, target = {3, 2, 1, 0, 2, 3};
    QVERIFY(std::abs(model.forward(p, source, target, 2) - std::log(5.0)) < 1e-14);
  }
};

QTEST_APPLESS_MAIN(TestSeq2SeqF64)
#include "tst_seq2seq_f64.moc"
