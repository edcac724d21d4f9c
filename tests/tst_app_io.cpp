// The experiment file format and the headless command line: round trips, exact resume through a
// saved model file, and every bad input answered by one clear line naming file, field and value.
#include "io/ExperimentIo.h"
#include "io/MetricsCsv.h"

#include <QJsonDocument>
#include <QMap>
#include <QRegularExpression>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>

using namespace dlio;

namespace {

const QString kDlplay = QStringLiteral(DLPLAY_BINARY_DIR "/app/dlplay");

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
  const QString path = dir.filePath(name);
  QFile f(path);
  f.open(QIODevice::WriteOnly);
  f.write(text);
  return path;
}

struct Run {
  int code = -1;
  QString out, err;
};

Run dlplay(const QStringList& args) {
  QProcess p;
  p.start(kDlplay, args);
  p.waitForFinished(120000);
  return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

const QByteArray kSpiral = R"({"data": {"source": "spiral", "points": 300, "noise": 0.1},
  "layers": [{"units": 16, "activation": "relu"}, {"units": 16, "activation": "tanh", "dropout": 0.1}],
  "init": {"scheme": "he_normal"}, "optimizer": {"name": "adam", "lr": 0.01},
  "training": {"batchSize": 16, "steps": 100, "evalEvery": 10, "seed": 5}})";

}  // namespace

class AppIoTest : public QObject {
  Q_OBJECT
private slots:
  void configRoundTrip() {
    dl::ExperimentConfig c;
    c.name = "round trip";
    c.data.source = "moons";
    c.data.imbalance = 0.5;
    c.hidden = {dl::LayerConfig{.units = 7, .activation = "prelu", .slope = 0.2, .batchNorm = true},
                dl::LayerConfig{.units = 3, .activation = "maxout", .pieces = 3, .dropout = 0.25}};
    c.optimizer.name = "nesterov";
    c.schedule.name = "step";
    c.regularization.l1 = 1e-4;
    c.regularization.compareL1L2 = true;
    c.training.classWeights = {1.0, 3.0};
    const QJsonObject once = configToJson(c);
    const dl::ExperimentConfig back = configFromJson(once);
    QCOMPARE(configToJson(back), once);
    QCOMPARE(back.hidden[1].pieces, 3);
    QCOMPARE(back.training.classWeights[1], 3.0);
  }

  void minimalFileUsesDefaults() {
    const ExperimentFile f = parseExperiment("{}", "x.json");
    QCOMPARE(f.config.optimizer.name, dl::ExperimentConfig{}.optimizer.name);
    QVERIFY(!f.state.has_value());
  }

  void badInput_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");  // must all appear in the one-line message
    QTest::newRow("invalid JSON") << QByteArray("{\n \"data\": {\"points\": 10,,}\n}") << "invalid JSON at line 2";
    QTest::newRow("top level list") << QByteArray("[1, 2]") << "top level must be a JSON object";
    QTest::newRow("unknown activation") << QByteArray(R"({"layers": [{"units": 4, "activation": "swish"}]})")
                                        << "'layers[0].activation' has bad value 'swish'";
    QTest::newRow("unknown optimizer") << QByteArray(R"({"optimizer": {"name": "lion"}})")
                                       << "'optimizer.name' has bad value 'lion'";
    QTest::newRow("negative lr") << QByteArray(R"({"optimizer": {"lr": -0.5}})")
                                 << "'optimizer.lr' has bad value '-0.5'";
    QTest::newRow("zero lr") << QByteArray(R"({"optimizer": {"lr": 0}})") << "'optimizer.lr' has bad value '0'";
    QTest::newRow("lr 1e9") << QByteArray(R"({"optimizer": {"lr": 1e9}})")
                            << "'optimizer.lr' has bad value '1000000000'";
    QTest::newRow("width 0") << QByteArray(R"({"layers": [{"units": 0}]})") << "'layers[0].units' has bad value '0'";
    QTest::newRow("batch size 0") << QByteArray(R"({"training": {"batchSize": 0}})")
                                  << "'training.batchSize' has bad value '0'";
    QTest::newRow("unknown field") << QByteArray(R"({"optimizer": {"learningrate": 0.1}})")
                                   << "'optimizer.learningrate'";
    QTest::newRow("wrong type") << QByteArray(R"({"training": {"batchSize": "ten"}})")
                                << "'training.batchSize' has bad value 'ten'";
    QTest::newRow("fractional") << QByteArray(R"({"training": {"batchSize": 2.5}})")
                                << "'training.batchSize' has bad value '2.5'";
    QTest::newRow("wrong format") << QByteArray(R"({"format": "something-else"})") << "'format'";
    // Found by tst_app_fuzz_inputs: values that were cast blindly, or broke the one-line message.
    QTest::newRow("map feature 1e10") << QByteArray(R"({"data": {"mapFeatures": [1e10, 0]}})")
                                      << "'data.mapFeatures[0]' has bad value '1e+10': must be a whole number";
    QTest::newRow("line break in a value") << QByteArray(R"({"layers": [{"units": 4, "activation": "re\nlu\r"}]})")
                                           << R"('layers[0].activation' has bad value 're\nlu\r')";
    QTest::newRow("line break in a key") << QByteArray(R"({"training": {"a\nb": 1}})") << R"('training.a\nb')";
    QTest::newRow("megabyte value") << QByteArray(R"({"optimizer": {"name": ")" + QByteArray(1000000, 'x') + R"("}})")
                                    << "'optimizer.name' has bad value 'xxxxxxxxxxxx";
    QTest::newRow("minimum lr 1e9") << QByteArray(R"({"schedule": {"name": "plateau", "minLr": 1e9}})")
                                    << "'schedule.minLearningRate' has bad value '1000000000': must be at most 10";
    QTest::newRow("absurd network")
        << QByteArray(R"({"data": {"points": 1000000}, "layers": [)" + QByteArray(R"({"units": 4096},)").repeated(63) +
                      R"({"units": 4096}]})")
        << "'layers' has bad value '1057243138 parameters': the network would have 1057.3 million "
           "parameters; at most 50 million fit";
    QTest::newRow("fractional order") << QByteArray(R"({"state": {"order": [0.5, 1]}})")
                                      << "'state.order[0]' has bad value '0.5': must be a whole number";
    QTest::newRow("huge order") << QByteArray(R"({"state": {"order": [1e300]}})") << "'state.order[0]'";
    QTest::newRow("duplicated key") << QByteArray(R"({"optimizer": {"lr": 0.1, "name": "sgd", "lr": 5}})")
                                    << "field 'optimizer.lr' is given twice";
    QTest::newRow("duplicated key in a list")
        << QByteArray(
               R"({"data": {"seed": 1}, "layers": [{"units": 4}, {"units": 4, "activation": "relu", "units": 8}]})")
        << "field 'layers[1].units' is given twice";
    QTest::newRow("schedule state text") << QByteArray(R"({"state": {"schedule": [1, "abc", 0.5]}})")
                                         << "'state.schedule[1]' has bad value 'abc': must be a number";
  }
  void badInput() {
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = write(dir, "bad.json", json);
    try {
      readExperimentFile(path);
      QFAIL("expected an IoError");
    } catch (const IoError& e) {
      QVERIFY2(e.message().startsWith(path + ": "), qPrintable(e.message()));
      QVERIFY2(e.message().contains(expected), qPrintable(e.message()));
      QVERIFY(!e.message().contains('\n'));
      QVERIFY(!e.message().contains('\r'));
      QVERIFY2(e.message().size() < 400, qPrintable(e.message().left(400)));
    }
  }

  void badFiles() {
    QTemporaryDir dir;
    QVERIFY_THROWS_EXCEPTION(IoError, readExperimentFile(dir.filePath("missing.json")));
    QVERIFY_THROWS_EXCEPTION(IoError, readExperimentFile(write(dir, "empty.json", "")));
    QVERIFY_THROWS_EXCEPTION(IoError, readExperimentFile(dir.path()));
    const QString big = dir.filePath("big.json");
    QFile(big).open(QIODevice::WriteOnly);
    std::filesystem::resize_file(big.toStdString(), 100LL * 1000 * 1000);  // sparse: 100 MB, instantly
    try {
      readExperimentFile(big);
      QFAIL("expected an IoError");
    } catch (const IoError& e) {
      QVERIFY2(e.message().contains("100.0 MB"), qPrintable(e.message()));
    }
  }

  // A model file holds everything: loading it and stepping equals stepping the original.
  void modelFileResumesExactly() {
    QTemporaryDir dir;
    const dl::ExperimentConfig c = parseExperiment(kSpiral, "spiral").config;
    dl::Trainer a(c);
    for (int i = 0; i < 57; ++i) a.step();
    const dl::TrainerState s = a.state();
    const QString path = dir.filePath("model.json");
    writeExperimentFile(path, a.config(), &s);
    const ExperimentFile f = readExperimentFile(path);
    QVERIFY(f.state.has_value());
    dl::Trainer b(f.config);
    b.restore(*f.state);
    for (int i = 0; i < 20; ++i) {
      const int L = a.network().layerCount();
      QCOMPARE(metricsCsvRow(b.step(), L), metricsCsvRow(a.step(), L));
    }
  }

  void cliTrainsAndWritesMetrics() {
    QTemporaryDir dir;
    const QString config = write(dir, "spiral.json", kSpiral);
    const QString csv = dir.filePath("m.csv");
    const Run r = dlplay({"--headless", "--config", config, "--steps", "50", "--metrics", csv});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("steps 50"));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 51);
    QVERIFY(
        lines[0].startsWith("step,epoch,lr,train_loss,val_loss,val_acc,grad_norm_total,clipped,grad_norm_1,weight_norm_"
                            "1,update_ratio_1,sparsity_1,saturation_1"));
    QCOMPARE(lines[0].split(',').size(), 8 + 3 * 5);
    QCOMPARE(lines[1].split(',')[4], QString());  // no validation at step 1
    QVERIFY(!lines[10].split(',')[4].isEmpty());  // evaluated at step 10
  }

  // The L1-vs-L2 preset trains both runs headless: one summary and one metrics/model file per
  // run, the L1 run sparse and the L2 run not; each saved model resumes as the single run it is.
  void cliTrainsTheL1L2Pair() {
    QTemporaryDir dir;
    const QString csv = dir.filePath("pair.csv"), model = dir.filePath("pair.json");
    const Run r =
        dlplay({"--headless", "--preset", "l1-vs-l2", "--steps", "3000", "--metrics", csv, "--save-model", model});
    QCOMPARE(r.code, 0);
    const QRegularExpression near(R"((L[12]) run: l[12] = 0.001, ([0-9.]+)% of the weights near zero)");
    QMap<QString, double> sparse;
    for (auto it = near.globalMatch(r.out); it.hasNext();) {
      const auto m = it.next();
      sparse[m.captured(1)] = m.captured(2).toDouble();
    }
    QVERIFY2(sparse.size() == 2, qPrintable(r.out));
    QVERIFY2(sparse["L1"] >= 50 && sparse["L2"] <= 10, qPrintable(r.out));
    QVERIFY(r.out.contains("L1 run: validation loss") && r.out.contains("L2 run: validation loss"));
    for (const char* run : {"l1", "l2"}) {
      QFile f(dir.filePath(QString("pair-%1.csv").arg(run)));
      QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
      QCOMPARE(QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts).size(), 3001);
      const ExperimentFile saved = readExperimentFile(dir.filePath(QString("pair-%1.json").arg(run)));
      QVERIFY(!saved.config.regularization.compareL1L2);
      QCOMPARE(saved.config.regularization.l1, QString(run) == "l1" ? 1e-3 : 0.0);
      QCOMPARE(saved.config.regularization.l2, QString(run) == "l2" ? 1e-3 : 0.0);
      QCOMPARE(saved.state->step, 3000LL);
    }
    QVERIFY(!QFile::exists(csv) && !QFile::exists(model));
  }

  void cliSaveAndLoadModelContinues() {
    QTemporaryDir dir;
    const QString config = write(dir, "spiral.json", kSpiral);
    const QString model = dir.filePath("model.json");
    const QString all = dir.filePath("all.csv"), second = dir.filePath("second.csv");
    QCOMPARE(dlplay({"--headless", "--quiet", "--config", config, "--steps", "60", "--metrics", all}).code, 0);
    QCOMPARE(dlplay({"--headless", "--quiet", "--config", config, "--steps", "30", "--save-model", model}).code, 0);
    QCOMPARE(dlplay({"--headless", "--quiet", "--load-model", model, "--steps", "30", "--metrics", second}).code, 0);
    auto rows = [](const QString& p) {
      QFile f(p);
      f.open(QIODevice::ReadOnly);
      return QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
    };
    const QStringList a = rows(all), b = rows(second);
    QCOMPARE(b.size(), 31);
    for (int i = 1; i <= 30; ++i) QCOMPARE(b[i], a[30 + i]);
  }

  void cliBadInputExitsTwo_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing file") << QStringList{"--config", "/nonexistent/x.json"}
                                  << "/nonexistent/x.json: no such file";
    QTest::newRow("no experiment") << QStringList{} << "--headless needs";
    QTest::newRow("bad steps") << QStringList{"--preset", "xor-tanh", "--steps", "-3"} << "--steps: '-3'";
    QTest::newRow("unknown preset") << QStringList{"--preset", "nope"} << "preset 'nope' does not exist";
    QTest::newRow("bad threads") << QStringList{"--preset", "xor-tanh", "--threads", "0"} << "--threads: '0'";
  }
  void cliBadInputExitsTwo() {
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    const Run r = dlplay(QStringList{"--headless"} + args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.startsWith("error: "), qPrintable(r.err));
    QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    QCOMPARE(r.err.count('\n'), 1);
  }

  void cliBadConfigNamesFileFieldAndValue() {
    QTemporaryDir dir;
    const QString path = write(dir, "neg.json", R"({"optimizer": {"lr": -1}})");
    const Run r = dlplay({"--headless", "--config", path});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(path) && r.err.contains("optimizer.lr") && r.err.contains("'-1'"), qPrintable(r.err));
  }

  void cliDivergenceExitsThree() {
    QTemporaryDir dir;
    const QString config = write(dir, "boom.json", R"({"data": {"source": "spiral", "points": 300},
      "layers": [{"units": 32, "activation": "relu"}, {"units": 32, "activation": "relu"}, {"units": 32, "activation": "relu"},
                 {"units": 32, "activation": "relu"}, {"units": 32, "activation": "relu"}],
      "init": {"scheme": "normal", "sigma": 3}, "optimizer": {"name": "sgd", "lr": 10}, "training": {"batchSize": 32}})");
    const QString csv = dir.filePath("m.csv");
    const Run r = dlplay({"--headless", "--config", config, "--steps", "1000", "--metrics", csv});
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains("diverged: non-finite"), qPrintable(r.err));
    QVERIFY(r.err.contains("layer"));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts).size() >=
            2);  // header + rows before the blow-up
  }

  void cliListsPresets() {
    const Run r = dlplay({"--list-presets"});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("xor-tanh"));
  }
};

QTEST_GUILESS_MAIN(AppIoTest)
#include "tst_app_io.moc"
