// Image folders (io/ImageFolder): a class per sub-folder, read grey or RGB at a chosen size, and
// each bad folder or file refused with its name; the bundled digits through the resource system.
#include <QtTest>

#include "core/Error.h"
#include "io/ImageFolder.h"

#include <QDir>
#include <QFile>
#include <QImage>

#include <string>

using namespace dl;

class TestAppImages : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;
  int m_count = 0;

  // A fresh folder under the temporary directory.
  QString folder() {
    const QString path = m_dir.filePath(QStringLiteral("set%1").arg(++m_count));
    QDir().mkpath(path);
    return path;
  }

  // A w × h PNG filled with `colour`, and a white pixel at (0, 0).
  static void png(const QString& path, QColor colour, int w = 12, int h = 10, const char* format = "PNG") {
    QDir().mkpath(QFileInfo(path).path());
    QImage image(w, h, QImage::Format_RGB32);
    image.fill(colour);
    image.setPixelColor(0, 0, Qt::white);
    QVERIFY(image.save(path, format));
  }

  static void textFile(const QString& path, const QByteArray& bytes) {
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
  }

  // The DataError message of loading `root`, or "".
  static std::string errorOf(const QString& root, int size = 8, bool rgb = false) {
    try {
      dlio::loadImageFolder(root, size, rgb);
    } catch (const DataError& e) {
      return e.what();
    }
    return {};
  }

  static bool has(const std::string& message, const QString& part) {
    return message.find(part.toStdString()) != std::string::npos;
  }

#define EXPECT_MESSAGE(message, part) \
  QVERIFY2(has((message), (part)),    \
           qPrintable(QString("'%1' does not mention '%2'").arg(QString::fromStdString(message), (part))))

  // Three classes: "b_red" 2 images, "a_green" 3, "c_blue" 1 (and a note that is not an image).
  QString threeClasses() {
    const QString root = folder();
    png(root + "/b_red/1.png", Qt::red);
    png(root + "/b_red/2.PNG", Qt::red, 30, 5);
    png(root + "/a_green/x.png", Qt::green);
    png(root + "/a_green/y.jpg", Qt::green, 12, 10, "JPEG");
    png(root + "/a_green/z.png", Qt::green);
    png(root + "/c_blue/only.png", Qt::blue);
    textFile(root + "/c_blue/README.txt", "not an image, and not named like one");
    return root;
  }

private slots:
  void initTestCase() { QVERIFY(m_dir.isValid()); }

  void bundledDigits() {
    const Dataset d = dlio::loadBundledDigits();
    QCOMPARE(d.size(), Index{1797});
    QCOMPARE(d.image, (ImageShape{1, 8, 8}));
    QCOMPARE(d.labels[0], 0);
  }

  void greyFolder() {
    const Dataset d = dlio::loadImageFolder(threeClasses(), 6, false);
    QCOMPARE(d.size(), Index{6});
    QCOMPARE(d.image, (ImageShape{1, 6, 6}));
    QCOMPARE(d.features(), Index{36});
    QCOMPARE(d.numClasses, 3);
    QCOMPARE(d.classNames, (std::vector<std::string>{"a_green", "b_red", "c_blue"}));
    QCOMPARE(d.labels, (std::vector<int>{0, 0, 0, 1, 1, 2}));
    QVERIFY(d.X.minCoeff() >= 0 && d.X.maxCoeff() <= 1);
    // Grey levels by luminance: green brighter than red brighter than blue (away from the white corner).
    const Index mid = 3 * 6 + 3;
    QVERIFY(d.X(mid, 0) > d.X(mid, 3));
    QVERIFY(d.X(mid, 3) > d.X(mid, 5));
  }

  void rgbFolder() {
    const Dataset d = dlio::loadImageFolder(threeClasses(), 5, true);
    QCOMPARE(d.image, (ImageShape{3, 5, 5}));
    QCOMPARE(d.features(), Index{75});
    const Index mid = 2 * 5 + 2, area = 25;
    // Red image (sample 3): channel 0 full, 1 and 2 empty. Blue (5): channel 2.
    QVERIFY(d.X(0 * area + mid, 3) > 0.95 && d.X(1 * area + mid, 3) < 0.05 && d.X(2 * area + mid, 3) < 0.05);
    QVERIFY(d.X(2 * area + mid, 5) > 0.95 && d.X(0 * area + mid, 5) < 0.05);
    // The JPEG (sample 1) is green, give or take compression.
    QVERIFY(d.X(1 * area + mid, 1) > 0.8 && d.X(0 * area + mid, 1) < 0.2);
  }

  void corruptPng() {
    const QString root = threeClasses();
    QFile good(root + "/a_green/x.png");
    QVERIFY(good.open(QIODevice::ReadOnly));
    const QByteArray bytes = good.readAll();
    textFile(root + "/a_green/w_cut.png", bytes.left(bytes.size() / 2));
    EXPECT_MESSAGE(errorOf(root), root + "/a_green/w_cut.png: cannot be read as an image");
  }

  void textNamedPng() {
    const QString root = threeClasses();
    textFile(root + "/b_red/0_notes.png", "this is text, not a PNG\n");
    const std::string m = errorOf(root);
    EXPECT_MESSAGE(m, root + "/b_red/0_notes.png: cannot be read as an image");
    QVERIFY(m.find('\n') == std::string::npos);
  }

  void emptyClass() {
    const QString root = threeClasses();
    QDir().mkpath(root + "/d_empty");
    EXPECT_MESSAGE(errorOf(root), root + "/d_empty: the class folder holds no images");
    textFile(root + "/d_empty/list.txt", "x");
    EXPECT_MESSAGE(errorOf(root), root + "/d_empty: the class folder holds no images");
  }

  void singleClass() {
    const QString root = folder();
    png(root + "/only/a.png", Qt::red);
    png(root + "/only/b.png", Qt::red);
    EXPECT_MESSAGE(errorOf(root), root + ": holds 1 class folders; at least 2 are needed");
    const QString flat = folder();
    png(flat + "/a.png", Qt::red);
    EXPECT_MESSAGE(errorOf(flat), flat + ": holds 0 class folders");
  }

  void notAFolderAndLimits() {
    EXPECT_MESSAGE(errorOf(m_dir.filePath("missing")), m_dir.filePath("missing") + ": file does not exist");
    const QString root = threeClasses();
    EXPECT_MESSAGE(errorOf(root + "/a_green/x.png"), root + "/a_green/x.png: is not a folder");
    for (const int size : {2, 1000}) {
      try {
        dlio::loadImageFolder(root, size, false);
        QFAIL("an image size out of range was accepted");
      } catch (const ConfigError& e) {
        QCOMPARE(e.field(), std::string("images.size"));
        QCOMPARE(e.value(), std::to_string(size));
      }
    }
    // A source image beyond 4096 pixels on a side is refused from its header.
    png(root + "/b_red/huge.png", Qt::red, 5000, 2);
    EXPECT_MESSAGE(errorOf(root), root + "/b_red/huge.png: the image is 5000 × 2 pixels; the limit is 4096");
  }
};

QTEST_GUILESS_MAIN(TestAppImages)
#include "tst_app_images.moc"
