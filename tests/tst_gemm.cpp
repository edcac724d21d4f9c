// The row-split product must give bitwise the same result on 1 and 2 threads (determinism), and
// the same numbers as a plain Eigen product.
#include "core/Gemm.h"
#include "core/Parallel.h"
#include "core/Rng.h"

#include <QtTest>

using namespace dl;

namespace {
Matrix randomMatrix(Index r, Index c, std::uint64_t seed) {
  Rng rng(seed);
  Matrix m(r, c);
  for (Index i = 0; i < m.size(); ++i) m.data()[i] = static_cast<Scalar>(rng.normal());
  return m;
}
}  // namespace

class GemmTest : public QObject {
  Q_OBJECT
private slots:
  void cleanup() { setThreadCount(1); }

  void shapes_data() {
    QTest::addColumn<int>("m");
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("k");
    QTest::addColumn<int>("ta");
    QTest::addColumn<int>("tb");
    // The products of config C (784-256-128-10, batch 128) and odd sizes around the split limits.
    QTest::newRow("C fwd 1") << 256 << 128 << 784 << 0 << 0;
    QTest::newRow("C dW 1") << 256 << 784 << 128 << 0 << 1;
    QTest::newRow("C dX 2") << 256 << 128 << 128 << 1 << 0;
    QTest::newRow("C fwd 2") << 128 << 128 << 256 << 0 << 0;
    QTest::newRow("odd rows") << 301 << 77 << 513 << 0 << 0;
    QTest::newRow("odd transposed") << 199 << 131 << 257 << 1 << 1;
    QTest::newRow("batch of one") << 512 << 1 << 1024 << 0 << 0;
    QTest::newRow("small (never split)") << 64 << 64 << 64 << 0 << 0;
  }
  void shapes() {
    QFETCH(int, m);
    QFETCH(int, n);
    QFETCH(int, k);
    QFETCH(int, ta);
    QFETCH(int, tb);
    const Matrix A = ta ? randomMatrix(k, m, 1) : randomMatrix(m, k, 1);
    const Matrix B = tb ? randomMatrix(n, k, 2) : randomMatrix(k, n, 2);
    Matrix one(m, n), two(m, n);
    setThreadCount(1);
    gemm(one, A, ta ? Trans::Yes : Trans::No, B, tb ? Trans::Yes : Trans::No);
    setThreadCount(2);
    gemm(two, A, ta ? Trans::Yes : Trans::No, B, tb ? Trans::Yes : Trans::No);
    QVERIFY2(one == two, "1 and 2 threads must agree bit for bit");
    // accumulate adds
    Matrix acc = one;
    gemm(acc, A, ta ? Trans::Yes : Trans::No, B, tb ? Trans::Yes : Trans::No, true);
    QVERIFY(((acc - 2 * one).cwiseAbs().maxCoeff()) <= 1e-4 * one.cwiseAbs().maxCoeff());
    // and the numbers are a product: compare with Eigen's, in double
    const Eigen::MatrixXd ref =
        (ta ? Eigen::MatrixXd(A.cast<double>().transpose()) : Eigen::MatrixXd(A.cast<double>())) *
        (tb ? Eigen::MatrixXd(B.cast<double>().transpose()) : Eigen::MatrixXd(B.cast<double>()));
    QVERIFY((one.cast<double>() - ref).cwiseAbs().maxCoeff() < 1e-3 * std::max(1.0, ref.cwiseAbs().maxCoeff()));
  }

  void splitPolicy() {
    QCOMPARE(gemmBlocks(64, 64, 64, 2), 1);     // small products stay on one thread
    QCOMPARE(gemmBlocks(256, 128, 784, 1), 1);  // one thread: no split
    QCOMPARE(gemmBlocks(256, 128, 784, 2), 2);  // C's first layer splits in two
  }
};

QTEST_APPLESS_MAIN(GemmTest)
#include "tst_gemm.moc"
