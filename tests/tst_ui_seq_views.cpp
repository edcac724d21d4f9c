// The sequence lab's painted views (ui/labs/sequence/): the heat map colours its cells in value
// order with the shared colour maps, never passes a NaN, ±inf or a ≤ 0 value on the log scale off
// as the lowest colour, labels its colour bar and reports clicks; the eigenvalue plane is square
// and centred, draws each run's points in its colour and widens for |λ| > 1.25; the word map
// skips a label that would cover another but never a highlighted one, and reports the word
// clicked. DLPLAY_SEQ_VIEWS_PNG=/some/dir also saves pictures of each view, normal and in
// presentation mode, for a person to look at.
#include "labs/sequence/EigenPlane.h"
#include "labs/sequence/HeatMap.h"
#include "labs/sequence/NumberText.h"
#include "labs/sequence/WordMap.h"
#include "widgets/ColorMaps.h"

#include <Eigen/Eigenvalues>
#include <QDir>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>
#include <limits>
#include <random>

using namespace dlui;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QImage picture(QWidget& w) { return w.grab().toImage().convertToFormat(QImage::Format_RGB32); }

QRgb pixelAt(const QImage& img, QPoint p) { return img.pixel(p) | 0xff000000; }

bool near(QRgb a, QRgb b, int tol = 2) {
  return std::abs(qRed(a) - qRed(b)) <= tol && std::abs(qGreen(a) - qGreen(b)) <= tol &&
         std::abs(qBlue(a) - qBlue(b)) <= tol;
}

// The t whose sequential colour is nearest to c.
double sequentialT(QRgb c) {
  double best = -1, bestD = 1e9;
  for (int i = 0; i <= 1000; ++i) {
    const QRgb s = colors::sequential(i / 1000.0);
    const double d = std::hypot(std::hypot(qRed(s) - qRed(c), qGreen(s) - qGreen(c)), qBlue(s) - qBlue(c));
    if (d < bestD) {
      bestD = d;
      best = i / 1000.0;
    }
  }
  return best;
}

// Pixels in r darker than mid-grey: text or lines drawn there.
int darkPixels(const QImage& img, const QRect& r) {
  int n = 0;
  const QRect in = r.intersected(img.rect());
  for (int y = in.top(); y <= in.bottom(); ++y)
    for (int x = in.left(); x <= in.right(); ++x) n += qGray(img.pixel(x, y)) < 128;
  return n;
}

void savePng(QWidget& w, const QString& name) {
  const QString dir = qEnvironmentVariable("DLPLAY_SEQ_VIEWS_PNG");
  if (dir.isEmpty()) return;
  QDir().mkpath(dir);
  QVERIFY(w.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

}  // namespace

class TestSeqViews : public QObject {
  Q_OBJECT
private slots:
  void numberText();
  void heatMapColoursFollowValues();
  void heatMapDivergingAndLog();
  void heatMapUndrawableCellsAreMarked();
  void heatMapColourBarAndRange();
  void heatMapClickAndManyCells();
  void eigenPlaneGeometry();
  void eigenPlaneColoursAndLimit();
  void wordMapLabels();
  void wordMapClick();
  void pictures();
};

void TestSeqViews::numberText() {
  QCOMPARE(seqtext::number(0.003, 2), QStringLiteral("0.003"));
  QCOMPARE(seqtext::number(12, 2), QStringLiteral("12"));
  QCOMPARE(seqtext::number(1e-6, 2), QStringLiteral("1e−6"));
  QCOMPARE(seqtext::number(-2.5e7, 2), QStringLiteral("−2.5e7"));
  QCOMPARE(seqtext::number(0.12345, 3), QStringLiteral("0.123"));
  QCOMPARE(seqtext::powerOfTen(-6), QStringLiteral("10⁻⁶"));
  QCOMPARE(seqtext::powerOfTen(0), QStringLiteral("10⁰"));
  QCOMPARE(seqtext::powerOfTen(12), QStringLiteral("10¹²"));
}

void TestSeqViews::heatMapColoursFollowValues() {
  HeatMap h;
  h.resize(420, 300);
  Eigen::MatrixXd m(2, 3);
  m << 4, 1, 6, 2, 5, 3;  // the order is scrambled across the cells on purpose
  h.setData(m);
  const QImage img = picture(h);
  QCOMPARE(h.rangeLow(), 1.0);
  QCOMPARE(h.rangeHigh(), 6.0);
  std::vector<std::pair<double, double>> valueAndT;
  for (int r = 0; r < 2; ++r)
    for (int c = 0; c < 3; ++c) {
      const QRect cell = h.cellRect(r, c);
      QVERIFY(cell.width() > 20 && cell.height() > 20);
      const QRgb px = pixelAt(img, cell.center());
      // Exactly the shared map's colour for t = (v − lo) / (hi − lo).
      QVERIFY2(near(px, colors::sequential((m(r, c) - 1) / 5)), qPrintable(QString::number(m(r, c))));
      valueAndT.emplace_back(m(r, c), sequentialT(px));
    }
  std::sort(valueAndT.begin(), valueAndT.end());
  for (std::size_t i = 1; i < valueAndT.size(); ++i) QVERIFY(valueAndT[i].second > valueAndT[i - 1].second);
  // Cells tile the plot without gaps or overlap.
  QCOMPARE(h.cellRect(0, 0).right() + 1, h.cellRect(0, 1).left());
  QCOMPARE(h.cellRect(0, 0).bottom() + 1, h.cellRect(1, 0).top());
  QVERIFY(h.cellRect(2, 0).isNull());
}

void TestSeqViews::heatMapDivergingAndLog() {
  HeatMap h;
  h.resize(420, 300);
  Eigen::MatrixXd m(1, 4);
  m << -2, 0, 1, 0.5;
  h.setData(m);
  h.setDiverging(true);
  QImage img = picture(h);
  QCOMPARE(h.rangeLow(), -2.0);  // symmetric: ±max|v|
  QCOMPARE(h.rangeHigh(), 2.0);
  QVERIFY(near(pixelAt(img, h.cellRect(0, 0).center()), colors::diverging(-1)));
  QVERIFY(near(pixelAt(img, h.cellRect(0, 1).center()), colors::diverging(0)));
  QVERIFY(near(pixelAt(img, h.cellRect(0, 2).center()), colors::diverging(0.5)));

  Eigen::MatrixXd g(1, 3);
  g << 1e-6, 1e-3, 1;
  h.setDiverging(false);
  h.setScale(HeatMap::Scale::Log10);
  h.setData(g);
  img = picture(h);
  QVERIFY(std::abs(h.rangeLow() - 1e-6) < 1e-18);
  QVERIFY(std::abs(h.rangeHigh() - 1) < 1e-12);
  QVERIFY(near(pixelAt(img, h.cellRect(0, 0).center()), colors::sequential(0)));
  QVERIFY(near(pixelAt(img, h.cellRect(0, 1).center()), colors::sequential(0.5)));
  QVERIFY(near(pixelAt(img, h.cellRect(0, 2).center()), colors::sequential(1)));
}

void TestSeqViews::heatMapUndrawableCellsAreMarked() {
  HeatMap h;
  h.resize(480, 300);
  Eigen::MatrixXd m(2, 3);
  m << kNaN, 1, 10, 0, -1, std::numeric_limits<double>::infinity();
  h.setScale(HeatMap::Scale::Log10);
  h.setData(m);
  const QImage img = picture(h);
  const QRgb lowest = colors::sequential(0);
  QVERIFY(near(pixelAt(img, h.cellRect(0, 1).center()), lowest));  // 1 is the lowest drawable value
  for (const QPoint rc : {QPoint(0, 0), QPoint(1, 0), QPoint(1, 1), QPoint(1, 2)}) {
    const QRect cell = h.cellRect(rc.x(), rc.y());
    // Nowhere in the cell (hatching included) the lowest colour, nor any colour of the map.
    int marked = 0, total = 0;
    for (int y = cell.top() + 2; y < cell.bottom() - 1; y += 3)
      for (int x = cell.left() + 2; x < cell.right() - 1; x += 3) {
        const QRgb px = pixelAt(img, {x, y});
        QVERIFY2(!near(px, lowest, 40), qPrintable(QStringLiteral("cell %1,%2").arg(rc.x()).arg(rc.y())));
        ++total;
        marked += qRed(px) == qGreen(px) && qGreen(px) == qBlue(px);  // grey: the hatching and its ground
      }
    QCOMPARE(marked, total);
  }
  // The hatching has two tones inside one cell: a pattern, not a flat colour.
  const QRect cell = h.cellRect(0, 0);
  QSet<QRgb> tones;
  for (int x = cell.left() + 2; x < cell.right() - 1; ++x) tones.insert(pixelAt(img, {x, cell.center().y()}));
  QVERIFY(tones.size() >= 2);
  // On the linear scale 0 and −1 are ordinary values; only NaN and inf stay marked.
  h.setScale(HeatMap::Scale::Linear);
  const QImage lin = picture(h);
  QVERIFY(near(pixelAt(lin, h.cellRect(1, 1).center()), lowest));
  QVERIFY(!near(pixelAt(lin, h.cellRect(1, 2).center()), colors::sequential(1), 40));
}

void TestSeqViews::heatMapColourBarAndRange() {
  HeatMap h;
  h.resize(480, 320);
  Eigen::MatrixXd m(3, 4);
  for (int i = 0; i < 12; ++i) m(i % 3, i / 3) = std::pow(10.0, -6.0 + 6.0 * i / 11);
  h.setScale(HeatMap::Scale::Log10);
  h.setData(m);
  QImage img = picture(h);
  const QRect bar = h.colorBarRect();
  QVERIFY(bar.left() > h.cellRect(0, 3).right());
  QVERIFY(near(pixelAt(img, QPoint(bar.center().x(), bar.top() + 2)), colors::sequential(1), 6));
  QVERIFY(near(pixelAt(img, QPoint(bar.center().x(), bar.bottom() - 2)), colors::sequential(0), 6));
  // Text beside the bar at both ends (10⁰ at the top, 10⁻⁶ at the bottom).
  const QRect top(bar.right() + 4, bar.top() - 2, h.width() - bar.right() - 4, 16);
  const QRect bottom(bar.right() + 4, bar.bottom() - 14, h.width() - bar.right() - 4, 16);
  QVERIFY(darkPixels(img, top) > 10);
  QVERIFY(darkPixels(img, bottom) > 10);
  // A fixed range moves the colours: 5 in [0, 10] is the middle.
  Eigen::MatrixXd one(1, 1);
  one << 5;
  h.setScale(HeatMap::Scale::Linear);
  h.setData(one);
  h.setRange(0, 10);
  img = picture(h);
  QVERIFY(near(pixelAt(img, h.cellRect(0, 0).center()), colors::sequential(0.5)));
  QCOMPARE(h.rangeLow(), 0.0);
  QCOMPARE(h.rangeHigh(), 10.0);
  h.setRange(0, 0);  // back to automatic: a constant matrix takes the middle colour
  img = picture(h);
  QVERIFY(near(pixelAt(img, h.cellRect(0, 0).center()), colors::sequential(0.5)));
  // No data: the empty text, no cells.
  h.setData(Eigen::MatrixXd());
  h.setEmptyText(QStringLiteral("nothing yet"));
  img = picture(h);
  QVERIFY(h.cellRect(0, 0).isNull());
  int inked = 0;
  for (int y = 0; y < img.height(); ++y)
    for (int x = 0; x < img.width(); ++x) inked += qGray(img.pixel(x, y)) < 200;
  QVERIFY(inked > 20);  // the text, in the placeholder colour
}

void TestSeqViews::heatMapClickAndManyCells() {
  HeatMap h;
  h.resize(640, 420);
  Eigen::MatrixXd m = Eigen::MatrixXd::Random(200, 100);
  QStringList rows, cols;
  for (int r = 0; r < 200; ++r) rows << QStringLiteral("step %1").arg(r);
  for (int c = 0; c < 100; ++c) cols << QString::number(c);
  h.setData(m);
  h.setDiverging(true);
  h.setRowLabels(rows);
  h.setColumnLabels(cols);
  h.setAxisTitles(QStringLiteral("time"), QStringLiteral("unit"));
  h.setTitle(QStringLiteral("hidden states"));
  const QImage img = picture(h);
  const double mx = m.cwiseAbs().maxCoeff();
  for (const auto& [r, c] : {std::pair{0, 0}, std::pair{199, 99}, std::pair{57, 42}, std::pair{120, 3}}) {
    const QRect cell = h.cellRect(r, c);
    QVERIFY(cell.width() >= 1 && cell.height() >= 1);
    QVERIFY2(near(pixelAt(img, cell.center()), colors::diverging(m(r, c) / mx), 3),
             qPrintable(QStringLiteral("%1,%2 %3 %4 %5")
                            .arg(r)
                            .arg(c)
                            .arg(pixelAt(img, cell.center()), 0, 16)
                            .arg(colors::diverging(m(r, c) / mx), 0, 16)
                            .arg(cell.width())));
    int rr = -1, cc = -1;
    QVERIFY(h.cellAt(cell.center(), &rr, &cc));
    QCOMPARE(rr, r);
    QCOMPARE(cc, c);
  }
  QSignalSpy spy(&h, &HeatMap::cellClicked);
  QTest::mouseClick(&h, Qt::LeftButton, {}, h.cellRect(57, 42).center());
  QCOMPARE(spy.count(), 1);
  QCOMPARE(spy[0][0].toInt(), 57);
  QCOMPARE(spy[0][1].toInt(), 42);
  QTest::mouseClick(&h, Qt::LeftButton, {}, QPoint(2, 2));  // in the margin
  QCOMPARE(spy.count(), 1);
  // The tooltip: row label, column label, value to 3 significant digits.
  QCOMPARE(h.cellText(57, 42), QStringLiteral("step 57, 42: ") + seqtext::number(m(57, 42), 3));
  m(3, 4) = 0.000123456;
  h.setData(m);
  QCOMPARE(h.cellText(3, 4), QStringLiteral("step 3, 4: 1.23e−4"));
  // Presentation mode: larger labels take more room, the cells less.
  const QRect before = h.cellRect(0, 0);
  h.setPresentationMode(true);
  QVERIFY(h.cellRect(0, 0).left() > before.left());
  QVERIFY(h.cellRect(0, 0).top() > before.top());  // the larger title
}

void TestSeqViews::eigenPlaneGeometry() {
  EigenPlane e;
  e.resize(640, 360);  // wider than high: the plot must stay square
  e.setSets({{{1, 0}, {-1, 0}, {0, 1}, {0, -1}}}, {QStringLiteral("RNN")}, {QColor(0xd6, 0x27, 0x28)});
  QCOMPARE(e.axisLimit(), 1.25);
  const QPointF c = e.toWidget({0, 0}), a = e.toWidget({1, 0}), b = e.toWidget({-1, 0});
  QVERIFY(std::abs((a.x() + b.x()) / 2 - c.x()) < 1e-9);
  QVERIFY(std::abs(a.y() - c.y()) < 1e-9 && std::abs(b.y() - c.y()) < 1e-9);
  const QPointF up = e.toWidget({0, 1});
  QVERIFY(up.y() < c.y());                                       // +Im upwards
  QVERIFY(std::abs((c.y() - up.y()) - (a.x() - c.x())) < 1e-9);  // same scale on both axes
  QVERIFY(a.x() - c.x() > 60);
  QVERIFY(e.rect().contains(e.toWidget({-1.25, 1.25}).toPoint()));
  QVERIFY(e.rect().contains(e.toWidget({1.25, -1.25}).toPoint()));
  // The dashed unit circle: grey pixels on it between the points.
  const QImage img = picture(e);
  int grey = 0;
  const double rad = a.x() - c.x();
  for (int k = 0; k < 360; ++k) {
    const double t = (k + 0.5) * M_PI / 180;
    const QRgb px = pixelAt(img, QPointF(c.x() + rad * std::cos(t), c.y() - rad * std::sin(t)).toPoint());
    grey += qGray(px) < 180 && qRed(px) == qGreen(px);
  }
  QVERIFY2(grey > 90, qPrintable(QString::number(grey)));
}

void TestSeqViews::eigenPlaneColoursAndLimit() {
  EigenPlane e;
  e.resize(500, 420);
  const QColor red(0xd6, 0x27, 0x28), blue(0x08, 0x77, 0xbd);
  e.setSets({{{0.5, 0.3}}, {{-0.4, -0.6}, {0.9, 0}}}, {QStringLiteral("RNN"), QStringLiteral("LSTM")}, {red, blue});
  QImage img = picture(e);
  QVERIFY(near(pixelAt(img, e.toWidget({0.5, 0.3}).toPoint()), red.rgb()));
  QVERIFY(near(pixelAt(img, e.toWidget({-0.4, -0.6}).toPoint()), blue.rgb()));
  QVERIFY(std::abs(e.spectralRadius(0) - std::abs(std::complex<double>(0.5, 0.3))) < 1e-12);
  QCOMPARE(e.spectralRadius(1), 0.9);
  // |λ| = 3: the plot widens to 1.1 × 3, and the point is still inside the square.
  e.setSets({{{3, 0}, {0.2, 0.2}}}, {QStringLiteral("RNN")}, {red});
  QVERIFY(std::abs(e.axisLimit() - 3.3) < 1e-12);
  img = picture(e);
  QVERIFY(near(pixelAt(img, e.toWidget({3, 0}).toPoint()), red.rgb()));
  QVERIFY(e.toWidget({3, 0}).x() < e.toWidget({3.3, 0}).x());
  // NaN eigenvalues are left out rather than stretching the plot; no sets: nothing but the text.
  e.setSets({{{std::nan(""), 0}, {0.5, 0}}}, {QStringLiteral("GRU")}, {});
  QCOMPARE(e.axisLimit(), 1.25);
  e.setSets({}, {}, {});
  img = picture(e);
  QVERIFY(!near(pixelAt(img, e.toWidget({0.5, 0}).toPoint()), red.rgb(), 60));
}

void TestSeqViews::wordMapLabels() {
  WordMap w;
  w.resize(500, 400);
  // Two words on the same spot: only one label fits; the far word keeps its own.
  w.setPoints({{0, 0}, {0, 0}, {5, 5}}, {QStringLiteral("猫"), QStringLiteral("cat"), QStringLiteral("dog")});
  picture(w);
  QCOMPARE(w.drawnLabelCount(), 2);
  QVERIFY(w.labelDrawn(0));
  QVERIFY(!w.labelDrawn(1));
  QVERIFY(w.labelDrawn(2));
  // The bounds have a margin: the extreme points are inside the widget, apart.
  QVERIFY(w.rect().contains(w.toWidget(0).toPoint()) && w.rect().contains(w.toWidget(2).toPoint()));
  QVERIFY(w.toWidget(2).x() - w.toWidget(0).x() > 200);
  QVERIFY(w.toWidget(2).y() < w.toWidget(0).y());  // y up
  // Highlighted words are always labelled, even when they collide with each other.
  std::vector<QPointF> same(6, QPointF(1, 1));
  same.push_back({4, 2});
  const QStringList words{QStringLiteral("国王"),  QStringLiteral("王后"), QStringLiteral("king"),
                          QStringLiteral("queen"), QStringLiteral("男人"), QStringLiteral("woman"),
                          QStringLiteral("apple")};
  w.setPoints(same, words);
  const QColor hl(0xd6, 0x27, 0x28);
  w.setHighlight({QStringLiteral("王后"), QStringLiteral("queen"), QStringLiteral("woman")}, hl);
  const QImage img = picture(w);
  QVERIFY(w.labelDrawn(1) && w.labelDrawn(3) && w.labelDrawn(5));
  QVERIFY(w.labelDrawn(6));
  QVERIFY(w.drawnLabelCount() >= 4);
  QVERIFY(w.drawnLabelCount() < 7);  // the grey ones on the crowded spot give way
  // A highlighted point is drawn on top in its colour.
  QVERIFY(near(pixelAt(img, w.toWidget(1).toPoint()), hl.rgb()));
  w.clearHighlight();
  picture(w);
  QCOMPARE(w.drawnLabelCount(), 2);
  // Lists of different lengths: cut to the shorter.
  w.setPoints({{0, 0}, {1, 1}}, {QStringLiteral("a")});
  QCOMPARE(w.toWidget(1), QPointF(-1, -1));
  w.setPoints({}, {});
  picture(w);
  QCOMPARE(w.drawnLabelCount(), 0);
}

void TestSeqViews::wordMapClick() {
  WordMap w;
  w.resize(500, 400);
  w.setPoints({{0, 0}, {1, 0.5}, {2, 2}}, {QStringLiteral("一"), QStringLiteral("two"), QStringLiteral("三")});
  QSignalSpy spy(&w, &WordMap::wordClicked);
  QTest::mouseClick(&w, Qt::LeftButton, {}, (w.toWidget(1) + QPointF(3, -2)).toPoint());
  QCOMPARE(spy.count(), 1);
  QCOMPARE(spy[0][0].toString(), QStringLiteral("two"));
  QTest::mouseClick(&w, Qt::LeftButton, {}, w.toWidget(2).toPoint());
  QCOMPARE(spy.count(), 2);
  QCOMPARE(spy[1][0].toString(), QStringLiteral("三"));
  // Far from every point: nothing.
  const QPointF between = (w.toWidget(0) + w.toWidget(2)) / 2 + QPointF(-60, -60);
  QTest::mouseClick(&w, Qt::LeftButton, {}, between.toPoint());
  QCOMPARE(spy.count(), 2);
}

void TestSeqViews::pictures() {
  if (qEnvironmentVariableIsEmpty("DLPLAY_SEQ_VIEWS_PNG")) QSKIP("DLPLAY_SEQ_VIEWS_PNG not set");
  std::mt19937 rng(7);
  std::normal_distribution<double> gauss;
  for (const bool presentation : {false, true}) {
    const QString suffix = presentation ? QStringLiteral("-presentation") : QString();
    // An LSTM's gates over a sentence: rows the gates, columns the tokens.
    {
      HeatMap h;
      h.setPresentationMode(presentation);
      h.resize(720, 340);
      const QStringList tokens = QStringLiteral("我 们 今 天 去 公 园 散 步 , the cat sat on the mat .").split(' ');
      Eigen::MatrixXd g(4, tokens.size());
      for (int r = 0; r < 4; ++r)
        for (int c = 0; c < g.cols(); ++c) g(r, c) = 1 / (1 + std::exp(-(gauss(rng) + (r == 1 ? 1.5 : 0))));
      h.setData(g);
      h.setRowLabels(
          {QStringLiteral("input"), QStringLiteral("forget"), QStringLiteral("cell"), QStringLiteral("output")});
      h.setColumnLabels(tokens);
      h.setAxisTitles(QStringLiteral("gate"), QStringLiteral("token"));
      h.setTitle(QStringLiteral("LSTM gate activations"));
      h.setRange(0, 1);
      savePng(h, QStringLiteral("heatmap-gates") + suffix);
    }
    // Hidden states, 200 steps × 100 units, signed.
    {
      HeatMap h;
      h.setPresentationMode(presentation);
      h.resize(720, 480);
      Eigen::MatrixXd s(200, 100);
      for (int r = 0; r < 200; ++r)
        for (int c = 0; c < 100; ++c) s(r, c) = std::tanh(std::sin(r * 0.05 * (1 + c % 7)) * 2 + 0.3 * gauss(rng));
      QStringList rows, cols;
      for (int r = 0; r < 200; ++r) rows << QString::number(r);
      for (int c = 0; c < 100; ++c) cols << QString::number(c);
      h.setData(s);
      h.setDiverging(true);
      h.setRowLabels(rows);
      h.setColumnLabels(cols);
      h.setAxisTitles(QStringLiteral("time step"), QStringLiteral("hidden unit"));
      h.setTitle(QStringLiteral("RNN hidden state h_t"));
      savePng(h, QStringLiteral("heatmap-hidden") + suffix);
    }
    // Gradient norms per step on a log scale, with a NaN and a zero.
    {
      HeatMap h;
      h.setPresentationMode(presentation);
      h.resize(720, 300);
      Eigen::MatrixXd n(3, 50);
      for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 50; ++c) n(r, c) = std::pow(10.0, -6.0 + 6.0 * c / 49 * (r + 1) / 3);
      n(0, 10) = kNaN;
      n(2, 20) = 0;
      QStringList cols;
      for (int c = 0; c < 50; ++c) cols << QString::number(c + 1);
      h.setData(n);
      h.setScale(HeatMap::Scale::Log10);
      h.setRowLabels({QStringLiteral("RNN"), QStringLiteral("LSTM"), QStringLiteral("GRU")});
      h.setColumnLabels(cols);
      h.setAxisTitles(QString(), QStringLiteral("steps back in time"));
      h.setTitle(QStringLiteral("‖∂L/∂h_t‖"));
      savePng(h, QStringLiteral("heatmap-log") + suffix);
    }
    // Attention between two sentences: long words read upwards under the columns.
    {
      HeatMap h;
      h.setPresentationMode(presentation);
      h.resize(560, 520);
      const QStringList src =
          QStringLiteral("yesterday the students finally understood recurrent networks completely .").split(' ');
      const QStringList dst = QStringLiteral("昨天 学生们 终于 理解 了 循环 网络 。").split(' ');
      Eigen::MatrixXd a(dst.size(), src.size());
      for (int r = 0; r < a.rows(); ++r) {
        for (int c = 0; c < a.cols(); ++c) a(r, c) = std::exp(-std::abs(c - r * 1.1) * 1.5 + 0.3 * gauss(rng));
        a.row(r) /= a.row(r).sum();
      }
      h.setData(a);
      h.setRowLabels(dst);
      h.setColumnLabels(src);
      h.setAxisTitles(QStringLiteral("output"), QStringLiteral("input"));
      h.setTitle(QStringLiteral("Attention weights"));
      h.setRange(0, 1);
      savePng(h, QStringLiteral("heatmap-attention") + suffix);
    }
    {
      HeatMap h;
      h.setPresentationMode(presentation);
      h.resize(480, 300);
      h.setTitle(QStringLiteral("Attention"));
      h.setEmptyText(QStringLiteral("Train the model to see its attention weights."));
      savePng(h, QStringLiteral("heatmap-empty") + suffix);
    }
    // Eigenvalues of three random recurrent matrices.
    {
      EigenPlane e;
      e.setPresentationMode(presentation);
      e.resize(640, 480);
      std::vector<std::vector<std::complex<double>>> sets;
      for (const double gain : {1.3, 0.9, 0.6}) {
        Eigen::MatrixXd w(48, 48);
        for (int i = 0; i < 48; ++i)
          for (int j = 0; j < 48; ++j) w(i, j) = gauss(rng) * gain / std::sqrt(48.0);
        const Eigen::VectorXcd ev = Eigen::EigenSolver<Eigen::MatrixXd>(w, false).eigenvalues();
        sets.emplace_back(ev.data(), ev.data() + ev.size());
      }
      e.setSets(sets, {QStringLiteral("RNN"), QStringLiteral("LSTM"), QStringLiteral("GRU")},
                {colors::classColor(0), colors::classColor(1), colors::classColor(2)});
      e.setTitle(QStringLiteral("Eigenvalues of W_hh"));
      savePng(e, QStringLiteral("eigenplane") + suffix);
      e.resize(420, 560);
      savePng(e, QStringLiteral("eigenplane-tall") + suffix);
    }
    // 150 words in loose clusters, a query and its neighbours highlighted.
    {
      WordMap w;
      w.setPresentationMode(presentation);
      w.resize(720, 520);
      const QStringList base =
          QStringLiteral(
              "猫 狗 鸟 鱼 马 牛 羊 cat dog bird fish horse cow sheep 国王 王后 王子 公主 king queen "
              "prince princess man woman 男人 女人 苹果 香蕉 橘子 apple banana orange 红 绿 蓝 red "
              "green blue one two three 一 二 三 四 五 run walk swim 跑 走 游泳 the a of and to in")
              .split(' ');
      QStringList words;
      std::vector<QPointF> xy;
      for (int i = 0; i < 150; ++i) {
        const QString wd = i < base.size() ? base[i] : QStringLiteral("w%1").arg(i);
        words << wd;
        const int cluster = i % 6;
        xy.emplace_back(std::cos(cluster) * 3 + gauss(rng), std::sin(cluster) * 2 + gauss(rng) * 0.8);
      }
      w.setPoints(xy, words);
      w.setHighlight({QStringLiteral("国王"), QStringLiteral("king"), QStringLiteral("queen"), QStringLiteral("王后"),
                      QStringLiteral("prince")},
                     colors::classColor(4));
      w.setTitle(QStringLiteral("Word vectors (PCA)"));
      savePng(w, QStringLiteral("wordmap") + suffix);
    }
  }
}

QTEST_MAIN(TestSeqViews)
#include "tst_ui_seq_views.moc"
