// Engine errors in the interface language: the engine throws message ids (English templates marked
// DL_TRANSLATE_NOOP) with arguments; the window shows them in Chinese after a switch to Chinese,
// in English otherwise, and the English text equals the exception's what() (the CLI's message).
// Every translation of the .ts keeps the place markers of its source text.
#include "Language.h"
#include "MainWindow.h"
#include "labs/playground/TrainingSession.h"
#include "labs/playground/ControlDock.h"

#include "core/Error.h"
#include "data/Csv.h"
#include "io/ErrorText.h"
#include "io/ExperimentIo.h"
#include "config/Config.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <fstream>

using dlio::ErrorText;

namespace {

bool hasChinese(const QString& s) {
  return std::any_of(s.begin(), s.end(), [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; });
}

// The English words a message would keep if some part of it escaped translation.
bool hasEnglishWords(const QString& s) {
  static const QRegularExpression words(QStringLiteral(
      R"(\b(must|line|column|field|value|file|not|number|between|expected|the|has|bad|is|cannot|empty)\b)"));
  return words.match(s).hasMatch();
}

QSet<QString> markers(const QString& s) {
  QSet<QString> m;
  static const QRegularExpression re(QStringLiteral("%[1-9]"));
  for (auto it = re.globalMatch(s); it.hasNext();) m.insert(it.next().captured());
  return m;
}

std::string writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
  const QString path = dir.filePath(name);
  QFile f(path);
  f.open(QIODevice::WriteOnly);
  f.write(text);
  return path.toStdString();
}

dl::DataError csvError(const std::string& path) {
  try {
    dl::loadCsv(path, -1, true, false);
  } catch (const dl::DataError& e) {
    return e;
  }
  throw std::runtime_error("the CSV loaded");
}

dl::ConfigError configError(const dl::ExperimentConfig& c) {
  try {
    c.validate();
  } catch (const dl::ConfigError& e) {
    return e;
  }
  throw std::runtime_error("the configuration is valid");
}

}  // namespace

class TestUiErrors : public QObject {
  Q_OBJECT

private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName("dlplay-test");
    QVERIFY(m_dir.isValid());
  }
  void cleanup() { dlui::setLanguage("en", false); }

  void templatesFillInOnePass() {
    QCOMPARE(dl::fillTemplate("%1 and %2", {"a%2", "b"}), std::string("a%2 and b"));
    QCOMPARE(dl::fillTemplate("100% of %1, %3", {"x"}), std::string("100% of x, %3"));
    QCOMPARE(dlio::fillTemplate("%2 %1", {"a", "%1"}), QStringLiteral("%1 a"));
    const dl::Message m(DL_TRANSLATE_NOOP("dl", "must be between %1 and %2"), {"1", "4096"});
    QCOMPARE(m.english(), std::string("must be between 1 and 4096"));
  }

  // In English the window shows exactly what the CLI prints.
  void englishEqualsWhat() {
    QVERIFY(dlui::setLanguage("en", false));
    const dl::DataError d = csvError(writeFile(m_dir, "bad.csv", "a,b,c\n1,2,0\n\n1,oops,1\n"));
    QCOMPARE(ErrorText::of(d), QString::fromStdString(d.what()));
    QVERIFY(QString(d.what()).contains("line 4, column 2: 'oops' is not a number"));
    dl::ExperimentConfig c;
    c.optimizer.learningRate = 1e9;
    const dl::ConfigError e = configError(c);
    QCOMPARE(ErrorText::of(e), QString::fromStdString(e.what()));
    QCOMPARE(QString(e.what()),
             "field 'optimizer.lr' has bad value '1000000000': the learning rate must be > 0 and at "
             "most 10");
  }

  void csvErrorsInChinese() {
    QVERIFY(dlui::setLanguage("zh", false));
    const std::string path = writeFile(m_dir, "bad2.csv", "a,b,c\n1,2,0\n\n1,oops,1\n");
    const QString text = ErrorText::of(csvError(path));
    QVERIFY2(text.startsWith(QString::fromStdString(path)), qPrintable(text));
    QVERIFY2(text.contains(QString::fromUtf8("第 4 行，第 2 列")), qPrintable(text));
    QVERIFY2(text.contains(QString::fromUtf8("'oops' 不是数字")), qPrintable(text));
    QVERIFY2(!hasEnglishWords(text), qPrintable(text));

    const QString missing = ErrorText::of(csvError(m_dir.filePath("none.csv").toStdString()));
    QVERIFY2(missing.endsWith(QString::fromUtf8("：文件不存在")), qPrintable(missing));
    const QString ragged = ErrorText::of(csvError(writeFile(m_dir, "ragged.csv", "a,b,c\n1,2,0\n3,4\n")));
    QVERIFY2(ragged.contains(QString::fromUtf8("第 3 行：这一行有 2 个单元格，应为 3 个")), qPrintable(ragged));
    const QString oneClass = ErrorText::of(csvError(writeFile(m_dir, "one.csv", "a,b,c\n1,2,yes\n3,4,yes\n")));
    QVERIFY2(oneClass.contains(QString::fromUtf8("第 3 列：标签列只有一个类别：'yes'")), qPrintable(oneClass));
  }

  void configErrorsInChinese() {
    QVERIFY(dlui::setLanguage("zh", false));
    dl::ExperimentConfig c;
    c.optimizer.learningRate = 1e9;
    QCOMPARE(ErrorText::of(configError(c)),
             QString::fromUtf8("字段“optimizer.lr”的值“1000000000”无效：学习率必须大于 0 且不超过 10"));
    c = {};
    c.hidden = {dl::LayerConfig{}};
    c.hidden[0].units = 0;
    QCOMPARE(ErrorText::of(configError(c)),
             QString::fromUtf8("字段“layers[0].units”的值“0”无效：每层的单元数必须在 1 到 4096 之间"));
    c = {};
    c.optimizer.momentum = 1.5;
    QCOMPARE(ErrorText::of(configError(c)),
             QString::fromUtf8("字段“optimizer.momentum”的值“1.5”无效：必须在区间 [0, 1) 内"));
    c = {};
    c.data.source = "moons2";
    const QString unknown = ErrorText::of(configError(c));
    QVERIFY2(unknown.contains(QString::fromUtf8("未知的数据来源；可用：")), qPrintable(unknown));
  }

  // A broken experiment file opened from the window: the one-line message is Chinese, names the
  // file, the field and the value.
  void fileErrorsInChinese() {
    QVERIFY(dlui::setLanguage("zh", false));
    const QString bad = QString::fromStdString(writeFile(m_dir, "bad.json", R"({"optimizer": {"lr": -0.5}})"));
    const QString broken =
        QString::fromStdString(writeFile(m_dir, "broken.json", "{\n \"data\": {\"points\": 10,,}\n}"));
    dlui::MainWindow w;
    QStringList errors;
    w.setErrorReporter([&](const QString& m) { errors << m; });
    QVERIFY(!w.openExperiment(bad));
    QVERIFY(!w.openExperiment(broken));
    QVERIFY(!w.openExperiment(m_dir.filePath("missing.json")));
    QCOMPARE(errors.size(), 3);
    QVERIFY2(errors[0].startsWith(bad + QString::fromUtf8("：字段“optimizer.lr”的值“-0.5”无效")),
             qPrintable(errors[0]));
    QVERIFY2(errors[1].startsWith(broken + QString::fromUtf8("：第 2 行第")), qPrintable(errors[1]));
    QVERIFY2(errors[2].endsWith(QString::fromUtf8("：文件不存在")), qPrintable(errors[2]));
    for (const QString& e : errors) QVERIFY2(hasChinese(e), qPrintable(e));
    QCOMPARE(w.statusBar()->currentMessage(), errors[2]);
    // For a person to look at: the window's status line with a Chinese CSV error.
    w.resize(1366, 768);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.statusBar()->showMessage(ErrorText::of(csvError(writeFile(m_dir, "shot.csv", "a,b,c\n1,2,0\n\n1,oops,1\n"))));
    QDir().mkpath(DLPLAY_BINARY_DIR "/screenshots");
    QVERIFY(w.statusBar()->grab().save(DLPLAY_BINARY_DIR "/screenshots/error-status-zh.png"));
  }

  // A configuration the training session refuses (from the worker thread) arrives in Chinese.
  void sessionRefusalInChinese() {
    QVERIFY(dlui::setLanguage("zh", false));
    dlui::TrainingSession session;
    QStringList errors;
    connect(&session, &dlui::TrainingSession::error, this, [&](const QString& e) { errors << e; });
    dl::ExperimentConfig c;
    c.hidden = {dl::LayerConfig{}};
    c.hidden[0].batchNorm = true;
    c.training.batchSize = 1;
    session.setConfig(c);
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, 10000);
    QVERIFY2(errors[0].contains(QString::fromUtf8("批归一化要求每个小批量至少有 2 个样本")), qPrintable(errors[0]));
    QVERIFY2(!hasEnglishWords(errors[0]), qPrintable(errors[0]));
  }

  // File → Open on a CSV: offered as data, not "invalid JSON at line 1, column 2". A CSV whose
  // labels are real-valued, loaded as classification: offered as regression. "No" changes nothing.
  void dataFilesOfferedAsData() {
    const QString csv = QString::fromStdString(writeFile(m_dir, "points.csv", "a,b,c\n1,2,0\n2,1,1\n3,3,0\n4,1,1\n5,2,0\n6,6,1\n"));
    QByteArray real = "x,y\n";
    for (int i = 0; i < 300; ++i) real += QByteArray::number(i % 17) + "," + QByteArray::number(20 + (i * 37) % 250) + "\n";
    const QString target = QString::fromStdString(writeFile(m_dir, "target.csv", real));
    dlui::MainWindow w;
    QStringList errors, questions;
    bool answer = false;
    w.setErrorReporter([&](const QString& m) { errors << m; });
    w.setQuestionAsker([&](const QString& q) {
      questions << q;
      return answer;
    });
    dlui::TrainingSession& s = *w.session();
    // "No": the experiment stays as it was.
    QVERIFY(!w.openExperiment(csv));
    QCOMPARE(questions.size(), 1);
    QVERIFY2(questions[0].contains("points.csv looks like a data file"), qPrintable(questions[0]));
    QTest::qWait(200);
    QCOMPARE(s.config().data.source, std::string("circle"));
    // "Yes": the CSV becomes the data.
    answer = true;
    QVERIFY(w.openExperiment(csv));
    QTRY_COMPARE_WITH_TIMEOUT(s.config().data.source, std::string("csv"), 10000);
    QCOMPARE(QString::fromStdString(s.config().data.csvPath), QFileInfo(csv).absoluteFilePath());
    QVERIFY(errors.isEmpty());
    // Real-valued labels as classes: refused, with the offer; "yes" loads it as regression.
    w.findChild<dlui::ControlDock*>()->loadCsvFile(target, false);
    QTRY_COMPARE_WITH_TIMEOUT(questions.size(), 3, 10000);
    QVERIFY2(questions[2].contains("regression") && questions[2].contains("target.csv"), qPrintable(questions[2]));
    QTRY_VERIFY2_WITH_TIMEOUT(s.config().data.regression && s.config().data.csvPath == QFileInfo(target).absoluteFilePath().toStdString(), qPrintable(w.statusBar()->currentMessage() + " cfg=" + QString::fromStdString(s.config().data.csvPath) + QString::number(s.config().data.regression) + " ctl=" + QString::number(w.findChild<dlui::ControlDock*>()->config().data.regression) + QString::fromStdString(w.findChild<dlui::ControlDock*>()->config().data.csvPath)), 10000);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
  }

  // Every translated message keeps the place markers of its source: a translation that drops %2
  // would silently lose the bad value from an error message.
  void translationsKeepPlaceMarkers() {
    QFile f(DLPLAY_SOURCE_DIR "/translations/dlplay_zh_CN.ts");
    QVERIFY(f.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&f);
    QString source;
    int checked = 0, engine = 0;
    QString context;
    while (!xml.atEnd()) {
      xml.readNext();
      if (!xml.isStartElement()) continue;
      if (xml.name() == u"name") context = xml.readElementText();
      if (xml.name() == u"source") source = xml.readElementText();
      if (xml.name() == u"translation") {
        const bool unfinished = xml.attributes().value(QStringLiteral("type")) ==
                                QStringLiteral("unfinished");  // tst_ui_language's concern
        const QString translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
        if (unfinished) continue;
        QVERIFY2(markers(source) == markers(translation), qPrintable(source + " → " + translation));
        ++checked;
        engine += context == u"dl";
      }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString() + " at line " + QString::number(xml.lineNumber())));
    QVERIFY(checked > 450);
    QVERIFY2(engine > 60, qPrintable(QString::number(engine)));  // the engine's messages are in the .ts
  }

private:
  QTemporaryDir m_dir;
};

QTEST_MAIN(TestUiErrors)
#include "tst_ui_errors.moc"
