// The Resampling tab's presets headless: `dlplay --headless --lab cnn --preset NAME` trains nothing,
// prints the numbers the tab measures (exit 0) and, with --metrics, writes them as CSV, one row per
// picture; options that only make sense for training are refused.
#include "RunDlplay.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

}  // namespace

class TestAppResampling : public QObject {
  Q_OBJECT
private slots:
  void aliasing() {
    const Run r = dlplay({"--headless", "--lab", "cnn", "--preset", "cnn-downsample-aliasing"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("stride-2 subsampling: 20x20, mean 1.00, contrast 0.00, stripe period none"),
             qPrintable(r.out));
    QVERIFY2(r.out.contains("2x2 average pooling: 20x20, mean 0.50, contrast 0.00"), qPrintable(r.out));
    QVERIFY2(!r.out.contains("test accuracy"), qPrintable(r.out));  // nothing trained
  }

  void falseStripes() {
    const Run r = dlplay({"--headless", "--lab", "cnn", "--preset", "cnn-downsample-false-stripes"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("stride-2 subsampling: 20x20, mean 0.50, contrast 0.90, stripe period 10.0 px"),
             qPrintable(r.out));
  }

  void checkerboardWithMetrics() {
    QTemporaryDir dir;
    const QString csv = dir.filePath("resampling.csv");
    const Run r = dlplay({"--headless", "--lab", "cnn", "--preset", "cnn-upsample-checkerboard", "--metrics", csv});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("transposed conv k3 s2 p1: 15x15, interior min 1.00, max 4.00, max/min 4.00"),
             qPrintable(r.out));
    QVERIFY2(r.out.contains("transposed conv k4 s2 p1: 16x16, interior min 4.00, max 4.00, max/min 1.00"),
             qPrintable(r.out));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 7);  // the header, the input and five ways
    QVERIFY(lines[0].startsWith("picture,width,height,mean"));
    QVERIFY2(lines[4].startsWith("\"transposed conv k3 s2 p1\",15,15,") && lines[4].endsWith(",1,4,4"),
             qPrintable(lines[4]));
    QVERIFY2(lines[5].startsWith("\"transposed conv k4 s2 p1\",16,16,") && lines[5].endsWith(",4,4,1"),
             qPrintable(lines[5]));
  }

  void trainingOptionsRefused() {
    for (const char* option : {"--steps", "--seed"}) {
      const Run r = dlplay({"--headless", "--lab", "cnn", "--preset", "cnn-upsample-checkerboard", option, "5"});
      QCOMPARE(r.code, 2);
      QVERIFY2(r.err.contains("trains nothing"), qPrintable(r.err));
    }
  }
};

QTEST_MAIN(TestAppResampling)
#include "tst_app_resampling.moc"
