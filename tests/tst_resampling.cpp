// The up- and downsampling experiment (nn/Resampling.h) and the claims of its presets, on the
// engine's layers: period-2 stripes subsample to a constant while 2×2 average pooling gives their
// mean 0.5; finer-than-4-px stripes come out of subsampling as false coarse stripes; a transposed
// convolution with kernel 3 and stride 2 turns a constant into the 1, 2, 4 checkerboard of its
// overlap counts, kernels 4 and 2 keep the interior flat; the output sizes follow the formulas.
#include "core/Error.h"
#include "nn/ConvArithmetic.h"
#include "nn/Resampling.h"

#include <QtTest>

#include <cmath>
#include <set>

using namespace dl;
using namespace dl::resampling;

namespace {

std::set<double> distinct(const Image& img, int border = 0) {
  std::set<double> out;
  for (int y = border; y < img.height - border; ++y)
    for (int x = border; x < img.width - border; ++x) out.insert(img.at(y, x));
  return out;
}

}  // namespace

class TestResampling : public QObject {
  Q_OBJECT
private slots:
  void testImages() {
    const Image s = stripes(32, 2);
    QCOMPARE(s.width, 32);
    QCOMPARE(s.height, 32);
    for (int x = 0; x < 32; ++x) QCOMPARE(s.at(5, x), x % 2 == 0 ? 1.0 : 0.0);
    QCOMPARE(stripePeriod(s), 2.0);
    QCOMPARE(stripePeriod(stripes(32, 8)), 8.0);
    const Image c = checkerboard(32, 2);
    for (int y = 0; y < 4; ++y)
      for (int x = 0; x < 4; ++x) QCOMPARE(c.at(y, x), (x + y) % 2 == 0 ? 1.0 : 0.0);
    QCOMPARE(stripePeriod(constant(8, 0.3)), 0.0);
    const Stats z = measure(zonePlate(32));
    QVERIFY(z.min >= 0 && z.max <= 1 && z.contrast() > 0.9);
  }

  void outputSizes() {
    for (int n : {8, 9, 16, 31, 32}) {
      const Image in = stripes(n, 3);
      for (Down how : kDowns) {
        const Image out = downsample(in, how);
        // Pooling drops an odd last row; subsampling keeps rows 0, 2, 4, …: ⌊(n − 1)/2⌋ + 1.
        const bool pool = how == Down::AvgPool || how == Down::MaxPool;
        const int side = pool ? n / 2 : static_cast<int>(convOutputSize(n, 1, 2, 0, 1));
        QCOMPARE(side, pool ? n / 2 : (n + 1) / 2);
        QCOMPARE(out.height, side);
        QCOMPARE(out.width, side);
        QCOMPARE(out.values.size(), static_cast<std::size_t>(side * side));
      }
    }
    const Image in = constant(kUpSide, 1);
    QCOMPARE(upsample(in, Up::Nearest).width, 16);
    QCOMPARE(upsample(in, Up::Bilinear).width, 16);
    // (n − 1)·s − 2p + k: 7·2 − 2 + 3 = 15, 7·2 − 2 + 4 = 16, 7·2 + 2 = 16.
    for (Up how : {Up::Transposed3, Up::Transposed4, Up::Transposed2}) {
      const Image out = upsample(in, how);
      const Index n = convTransposeOutputSize(8, transposedKernel(how), 2, transposedPadding(how), 1);
      QCOMPARE(out.width, static_cast<int>(n));
      QCOMPARE(out.height, static_cast<int>(n));
    }
    QCOMPARE(upsample(in, Up::Transposed3).width, 15);
    QCOMPARE(upsample(in, Up::Transposed4).width, 16);
    QCOMPARE(upsample(in, Up::Transposed2).width, 16);
  }

  // Stripes of period 2: every second column is kept, all of them bright — a flat image of 1s.
  // Averaging the 2×2 windows gives the stripes' true mean, a flat 0.5; max pooling a flat 1.
  void period2StripesAlias() {
    for (const Image& in : {stripes(kDownSide, 2), checkerboard(kDownSide, 2)}) {
      const Image sub = downsample(in, Down::Subsample);
      QCOMPARE(distinct(sub), std::set<double>{1.0});
      QCOMPARE(stripePeriod(sub), 0.0);
      const Image avg = downsample(in, Down::AvgPool);
      QCOMPARE(distinct(avg), std::set<double>{0.5});
      QCOMPARE(distinct(downsample(in, Down::MaxPool)), std::set<double>{1.0});
      const Stats blur = measure(downsample(in, Down::BlurSubsample));
      QVERIFY2(std::abs(blur.mean - 0.5) < 1e-6 && blur.contrast() < 1e-6,
               qPrintable(QStringLiteral("%1 %2").arg(blur.mean).arg(blur.contrast())));
      // The input itself: mean 0.5, full contrast.
      QCOMPARE(measure(in).mean, 0.5);
      QCOMPARE(measure(in).contrast(), 1.0);
    }
  }

  // Stripes of period 2.5 px: subsampled, they come out as stripes of period 10 px (5 output
  // pixels) — a coarse pattern that is not in the image — with most of their contrast. Averaging
  // keeps far less of it; stripes of period 8 survive every way, at period 8.
  void falseCoarseStripes() {
    const Image in = stripes(kDownSide, 2.5);
    const Image sub = downsample(in, Down::Subsample);
    QCOMPARE(2 * stripePeriod(sub), 10.0);
    QVERIFY(measure(sub).contrast() > 0.85);
    QVERIFY(measure(downsample(in, Down::AvgPool)).contrast() < 0.5 * measure(sub).contrast());
    QVERIFY(measure(downsample(in, Down::BlurSubsample)).contrast() < 0.5 * measure(sub).contrast());
    const Image coarse = stripes(kDownSide, 8);
    for (Down how : kDowns) {
      const Image out = downsample(coarse, how);
      QCOMPARE(2 * stripePeriod(out), 8.0);
      QVERIFY(measure(out).contrast() > 0.4);
    }
  }

  // A constant 1 through transposed convolutions with stride 2 and equal weights 1: each output
  // counts the input stamps that cover it. Kernel 3 covers the output unevenly — 1, 2 and 4 stamps
  // in a checkerboard, max/min 4 inside; kernel 4 (padding 1) covers it with 4 stamps everywhere
  // inside, kernel 2 with exactly 1: flat. Nearest and bilinear give the constant back.
  void transposedCheckerboard() {
    const Image in = constant(kUpSide, 1);
    const Image k3 = upsample(in, Up::Transposed3);
    QCOMPARE(distinct(k3, 1), (std::set<double>{1.0, 2.0, 4.0}));
    QCOMPARE(measure(k3, 1).ratio(), 4.0);
    // The pattern: 4 where both coordinates are odd (two stamps each way), 1 where both are even.
    QCOMPARE(k3.at(1, 1), 4.0);
    QCOMPARE(k3.at(2, 2), 1.0);
    QCOMPARE(k3.at(1, 2), 2.0);
    QCOMPARE(k3.at(2, 1), 2.0);
    const Image k4 = upsample(in, Up::Transposed4);
    QCOMPARE(distinct(k4, 1), std::set<double>{4.0});
    QCOMPARE(measure(k4, 1).ratio(), 1.0);
    QCOMPARE(k4.at(0, 0), 1.0);  // the border has fewer stamps
    QCOMPARE(distinct(upsample(in, Up::Transposed2)), std::set<double>{1.0});
    for (Up how : {Up::Nearest, Up::Bilinear}) QCOMPARE(distinct(upsample(in, how)), std::set<double>{1.0});
    // The tent weights compensate the uneven overlap of kernel 3: flat inside too.
    for (Up how : {Up::Transposed3, Up::Transposed4, Up::Transposed2}) {
      const Stats t = measure(upsample(in, how, Weights::Tent), 1);
      QVERIFY2(std::abs(t.min - 1) < 1e-6 && std::abs(t.max - 1) < 1e-6, qPrintable(QString::fromStdString(name(how))));
    }
  }

  void focusStrings() {
    Focus f = parseFocus("down:stripes:2");
    QVERIFY(!f.up);
    QCOMPARE(f.period, 2.0);
    QCOMPARE(focusImage(f).width, kDownSide);
    f = parseFocus("up:constant:equal");
    QVERIFY(f.up);
    QVERIFY(f.weights == Weights::Equal);
    QCOMPARE(focusImage(f).width, kUpSide);
    QVERIFY(parseFocus("up:constant:tent").weights == Weights::Tent);
    QCOMPARE(parseFocus("down:zoneplate:4").image, std::string("zoneplate"));
    for (const char* bad :
         {"", "down", "down:stripes", "down:stripes:1", "down:stripes:17", "down:stripes:x", "down:dots:2",
          "up:constant", "up:constant:heavy", "sideways:stripes:2", "down:stripes:2:3"}) {
      try {
        parseFocus(bad);
        QFAIL(bad);
      } catch (const ConfigError& e) {
        QCOMPARE(e.field(), std::string("focus"));
      }
    }
    // The report names every way with its numbers.
    const std::vector<std::string> down = report(parseFocus("down:stripes:2"));
    QCOMPARE(down.size(), std::size_t{5});
    QVERIFY(down[1].find("stride-2 subsampling: 20x20, mean 1.00, contrast 0.00, stripe period none") == 0);
    QVERIFY(down[2].find("mean 0.50, contrast 0.00") != std::string::npos);
    const std::vector<std::string> up = report(parseFocus("up:constant:equal"));
    QCOMPARE(up.size(), std::size_t{6});
    QVERIFY2(up[3].find("15x15, interior min 1.00, max 4.00, max/min 4.00") != std::string::npos, up[3].c_str());
    QVERIFY2(up[4].find("max/min 1.00") != std::string::npos, up[4].c_str());
  }
};

QTEST_MAIN(TestResampling)
#include "tst_resampling.moc"
