// The experiment file format and the headless command line: round trips, exact resume through a
// saved model file, and every bad input answered by one clear line naming file, field and value.
#include "io/ExperimentIo.h"
#include "io/MetricsCsv.h"
#include "io/PresetCatalog.h"
#include "io/Presets.h"

#include "RunDlplay.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QMap>
#include <QRegularExpression>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>

#include <sys/stat.h>

using namespace dlio;

namespace {

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
  const QString path = dir.filePath(name);
  QFile f(path);
  f.open(QIODevice::WriteOnly);
  f.write(text);
  return path;
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
                                    << "'schedule.minLr' has bad value '1000000000': must be in [0, 10]";
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

  // With a test part the CSV ends in test_loss,test_acc (filled at the evaluation steps, as the
  // validation columns are) and the summary prints the test accuracy; without one, neither.
  void cliWritesTheTestPart() {
    QTemporaryDir dir;
    QByteArray withTest = kSpiral;
    withTest.replace(R"("noise": 0.1})", R"("noise": 0.1, "testFraction": 0.25})");
    QVERIFY(withTest != kSpiral);
    const QString csv = dir.filePath("t.csv");
    const Run r =
        dlplay({"--headless", "--config", write(dir, "test.json", withTest), "--steps", "20", "--metrics", csv});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("test loss") && r.out.contains("accuracy"), qPrintable(r.out));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 21);
    QVERIFY(lines[0].endsWith(",saturation_3,test_loss,test_acc"));
    const QStringList step10 = lines[10].split(','), step9 = lines[9].split(',');
    QCOMPARE(step10.size(), 8 + 3 * 5 + 2);
    QVERIFY(step10.back().toDouble() > 0 && step10.back().toDouble() <= 1);  // test accuracy
    QVERIFY(step10[step10.size() - 2].toDouble() > 0);                       // test loss
    QVERIFY(step9.back().isEmpty() && step9[step9.size() - 2].isEmpty());    // not evaluated at step 9
    const Run plain = dlplay({"--headless", "--config", write(dir, "plain.json", kSpiral), "--steps", "5"});
    QVERIFY(!plain.out.contains("test loss"));
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

  // ---- issue 9: inputs that are not files, outputs that cannot be written, names as spelled ----

  // A device never ends and a FIFO blocks: both refused from the file's kind, at once.
  void cliRefusesNonRegularInputs() {
    QTemporaryDir dir;
    const QString fifo = dir.filePath("pipe.json");
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    for (const QString& option : {QStringLiteral("--config"), QStringLiteral("--load-model")})
      for (const QString& path : {QStringLiteral("/dev/zero"), QStringLiteral("/dev/urandom"), fifo}) {
        QElapsedTimer t;
        t.start();
        const Run r = dlplay({"--headless", option, path});
        QVERIFY2(t.elapsed() < 30000, "hung");
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(path + ": not a regular file"), qPrintable(r.err));
        QCOMPARE(r.err.count('\n'), 1);
      }
    QVERIFY_THROWS_EXCEPTION(IoError, readExperimentFile(""));
  }

  // /dev/full takes nothing: a write error is exit 2 naming the file, and the device stays a
  // device (a rename over it would have replaced it, as root, with a regular file).
  void cliWriteErrorExitsTwo() {
    for (const char* option : {"--metrics", "--save-model"}) {
      const Run r = dlplay({"--headless", "--preset", "xor-tanh", "--steps", "20", option, "/dev/full"});
      QCOMPARE(r.code, 2);
      QVERIFY2(r.err.contains("/dev/full: cannot be written"), qPrintable(r.err));
      QVERIFY(!QFileInfo("/dev/full").isFile());
    }
  }

  // A missing folder is found before training, not after a million steps.
  void cliChecksOutputsBeforeTraining() {
    QTemporaryDir dir;
    for (const char* option : {"--metrics", "--save-model"}) {
      QElapsedTimer t;
      t.start();
      const Run r = dlplay({"--headless", "--preset", "xor-tanh", "--steps", "100000000000", option,
                            dir.filePath("no/such/folder/out.csv")});
      QVERIFY2(t.elapsed() < 30000, "trained before checking the output");
      QCOMPARE(r.code, 2);
      QVERIFY2(r.err.contains("does not exist"), qPrintable(r.err));
    }
  }

  // A full disk: exit 2, and the file that was there before is unchanged, with no temporary
  // file left beside it. Needs a tiny file system: a 64 kB tmpfs when this process may mount one.
  void cliFullDiskLeavesOldFileWhole() {
    QTemporaryDir dir;
    const QString mount = dir.filePath("tiny");
    QDir().mkpath(mount);
    QProcess m;
    m.start("mount", {"-t", "tmpfs", "-o", "size=64k", "tmpfs", mount});
    if (!m.waitForFinished(10000) || m.exitCode() != 0) QSKIP("cannot mount a tmpfs here (not root?); /dev/full covers write errors");
    const auto unmount = qScopeGuard([&] { QProcess::execute("umount", {mount}); });
    const QString metrics = write(dir, "tiny/m.csv", "old metrics\n"), model = write(dir, "tiny/model.json", "{}");
    const QString config = write(dir, "spiral.json", kSpiral);
    const Run r = dlplay({"--headless", "--config", config, "--steps", "3000", "--metrics", metrics});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(metrics + ": cannot be written"), qPrintable(r.err));
    QFile f(metrics);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("old metrics\n"));
    QCOMPARE(QDir(mount).entryList(QDir::Files | QDir::Hidden).size(), 2);  // m.csv, model.json: no leftovers
    // A model of ~200 kB: the same.
    const Run big = dlplay({"--headless", "--config", write(dir, "wide.json", R"({"layers": [{"units": 300}, {"units": 300}]})"),
                            "--steps", "2", "--save-model", model});
    QCOMPARE(big.code, 2);
    QVERIFY2(big.err.contains(model + ": cannot be written"), qPrintable(big.err));
    QFile g(model);
    QVERIFY(g.open(QIODevice::ReadOnly));
    QCOMPARE(g.readAll(), QByteArray("{}"));
  }

  // Outputs never overwrite inputs (the experiment, the model being continued, the data), nor each
  // other; saving over the model being continued is allowed (it is written atomically).
  void cliOutputsNeverOverwriteInputs() {
    QTemporaryDir dir;
    const QString config = write(dir, "spiral.json", kSpiral);
    Run r = dlplay({"--headless", "--config", config, "--steps", "5", "--metrics", config});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("is the same file as --config"), qPrintable(r.err));
    QFile f(config);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), kSpiral);
    const QString out = dir.filePath("out.json");
    r = dlplay({"--headless", "--config", config, "--steps", "5", "--metrics", out, "--save-model", out});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("name the same file"), qPrintable(r.err));
    const QString csv = write(dir, "d.csv", "a,b,c\n1,2,0\n2,1,1\n3,3,0\n4,1,1\n5,2,0\n6,6,1\n");
    const QString csvConfig = write(dir, "csv.json", R"({"data": {"source": "csv", "csv": {"path": "d.csv"}}})");
    r = dlplay({"--headless", "--config", csvConfig, "--steps", "5", "--metrics", csv});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("is the same file as data.csv.path"), qPrintable(r.err));
    const QString model = dir.filePath("model.json");
    QCOMPARE(dlplay({"--headless", "--config", config, "--steps", "5", "--save-model", model}).code, 0);
    QCOMPARE(dlplay({"--headless", "--load-model", model, "--steps", "5", "--save-model", model}).code, 0);
    QCOMPARE(readExperimentFile(model).state->step, 10LL);
  }

  void cliCommandLineMistakes_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    QTest::newRow("stray argument") << QStringList{"--preset", "xor-tanh", "extra.json"}
                                    << "unexpected argument 'extra.json'";
    QTest::newRow("empty config") << QStringList{"--config", ""} << "--config: the value is empty";
    QTest::newRow("empty metrics") << QStringList{"--preset", "xor-tanh", "--metrics", ""}
                                   << "--metrics: the value is empty";
    QTest::newRow("empty model") << QStringList{"--load-model", " "} << "--load-model: the value is empty";
  }
  void cliCommandLineMistakes() {
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    const Run r = dlplay(QStringList{"--headless"} + args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.startsWith("error: ") && r.err.contains(expected), qPrintable(r.err));
    QCOMPARE(r.err.count('\n'), 1);
  }

  // A model of another shape is the model file's fault, and says so.
  void cliWrongShapedModelNamesTheModel() {
    QTemporaryDir dir;
    const QString model = dir.filePath("model.json");
    QCOMPARE(dlplay({"--headless", "--config", write(dir, "s.json", kSpiral), "--steps", "3", "--save-model", model}).code,
             0);
    const QString other = write(dir, "other.json", R"({"data": {"source": "spiral", "points": 300}, "layers": [{"units": 5}]})");
    const Run r = dlplay({"--headless", "--config", other, "--load-model", model, "--steps", "3"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.startsWith("error: " + model + ": "), qPrintable(r.err));
  }

  // Microseconds of training print no absurd rate ("10000000000 steps/s").
  void cliTinyRunHasSaneSummary() {
    const Run r = dlplay({"--headless", "--preset", "xor-tanh", "--steps", "1"});
    QCOMPARE(r.code, 0);
    const QRegularExpression rate(R"(([0-9]+) steps/s)");
    const auto m = rate.match(r.out);
    QVERIFY2(!m.hasMatch() || m.captured(1).toDouble() < 1e8, qPrintable(r.out));
    QVERIFY2(r.out.startsWith("steps 1 "), qPrintable(r.out));
  }

  // "l\u0072" is "lr": a duplicate however it is spelled.
  void duplicateKeysAfterUnescaping() {
    for (const QByteArray& json : {QByteArray("{\"optimizer\": {\"lr\": 0.1, \"l\\u0072\": 0.2}}"),
                                   QByteArray("{\"optimizer\": {\"\\u006cr\": 0.1, \"lr\": 0.2}}"),
                                   QByteArray("{\"training\": {\"seed\": 1}, \"tr\\u0061ining\": {\"seed\": 2}}")}) {
      try {
        parseExperiment(json, "dup.json");
        QFAIL(json.constData());
      } catch (const IoError& e) {
        QVERIFY2(e.message().contains("is given twice"), qPrintable(e.message()));
      }
    }
    QVERIFY(parseExperiment("{\"name\": \"a\\\"b\", \"description\": \"l\\u0072\"}", "ok.json").config.name == "a\"b");
  }

  // Every number in the file has a range: 1e300 anywhere is refused, naming the field exactly as
  // the file spells it (schedule.minLr, data.csv.labelColumn — not the C++ member names).
  void everyNumericFieldHasARangeAndItsFileName() {
    dl::ExperimentConfig base;
    base.data.csvPath = "x.csv";  // brings the data.csv object into the JSON
    const QJsonObject o = configToJson(base);
    QStringList paths;
    for (auto it = o.begin(); it != o.end(); ++it) {
      if (it.value().isDouble() && it.key() != "version") paths << it.key();
      if (it.value().isObject()) {
        const QJsonObject inner = it.value().toObject();
        for (auto jt = inner.begin(); jt != inner.end(); ++jt) {
          if (jt.value().isDouble()) paths << it.key() + "." + jt.key();
          if (jt.value().isObject())
            for (const QString& k : jt.value().toObject().keys())
              if (jt.value().toObject().value(k).isDouble()) paths << it.key() + "." + jt.key() + "." + k;
        }
      }
    }
    QVERIFY2(paths.size() >= 38, qPrintable(paths.join(' ')));
    QVERIFY(paths.contains("schedule.minLr") && paths.contains("data.csv.labelColumn") && paths.contains("data.noise"));
    for (const QString& path : paths) {
      for (const double bad : {1e300, -1e300}) {
        QJsonObject edited = o;
        const QStringList parts = path.split('.');
        if (parts.size() == 1) {
          edited[parts[0]] = bad;
        } else {
          QJsonObject a = edited[parts[0]].toObject();
          if (parts.size() == 2) {
            a[parts[1]] = bad;
          } else {
            QJsonObject b = a[parts[1]].toObject();
            b[parts[2]] = bad;
            a[parts[1]] = b;
          }
          edited[parts[0]] = a;
        }
        // The generator's and the CSV's fields are checked for the source that uses them.
        QJsonObject data = edited["data"].toObject();
        if (path.startsWith("data.csv")) data["source"] = "csv";
        else data.remove("csv");
        edited["data"] = data;
        try {
          parseExperiment(QJsonDocument(edited).toJson(), "f.json");
          QFAIL(qPrintable(path + " accepted " + QString::number(bad)));
        } catch (const IoError& e) {
          QVERIFY2(e.message().contains("'" + path + "'"), qPrintable(path + ": " + e.message()));
        }
      }
    }
  }

  // A relative CSV path belongs to the experiment file's folder, wherever dlplay starts; a saved
  // experiment keeps a CSV beside it relative, so the two move together.
  void csvPathRelativeToTheExperimentFile() {
    QTemporaryDir dir;
    QDir().mkpath(dir.filePath("exp/data"));
    write(dir, "exp/data/d.csv", "a,b,c\n1,2,0\n2,1,1\n3,3,0\n4,1,1\n5,2,0\n6,6,1\n");
    const QString config = write(dir, "exp/e.json", R"({"data": {"source": "csv", "csv": {"path": "data/d.csv"}}})");
    ExperimentFile f = readExperimentFile(config);
    QCOMPARE(QString::fromStdString(f.config.data.csvPath), QDir::cleanPath(dir.filePath("exp/data/d.csv")));
    QProcess p;
    p.setWorkingDirectory("/");
    p.start(kDlplay, {"--headless", "--config", config, "--steps", "5"});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    const QString saved = dir.filePath("exp/saved.json");
    writeExperimentFile(saved, f.config);
    QFile s(saved);
    QVERIFY(s.open(QIODevice::ReadOnly));
    QVERIFY2(s.readAll().contains(R"("path": "data/d.csv")"), "not stored relative");
    QCOMPARE(readExperimentFile(saved).config.data.csvPath, f.config.data.csvPath);
  }

  // Feature inputs: written only when set, read back in order, checked by name.
  void featureInputsInTheFile() {
    dl::ExperimentConfig c;
    QVERIFY(!configToJson(c)["data"].toObject().contains("inputs"));
    c.data.inputs = {"x1^2", "x2^2", "sin_x1"};
    const dl::ExperimentConfig back = parseExperiment(QJsonDocument(configToJson(c)).toJson(), "f").config;
    QCOMPARE(back.data.inputs, c.data.inputs);
    for (const auto& [json, expected] : std::vector<std::pair<QByteArray, QString>>{
             {R"({"data": {"inputs": ["x1", 2]}})", "'data.inputs[1]' has bad value '2': must be a string"},
             {R"({"data": {"inputs": ["x1", "cos_x1"]}})", "'data.inputs[1]' has bad value 'cos_x1': unknown input feature"},
             {R"({"data": {"inputs": []}})", "'data.inputs'"},
             {R"({"data": {"inputs": "x1"}})", "'data.inputs' has bad value 'x1': must be a list"}}) {
      try {
        parseExperiment(json, "f.json");
        QFAIL(json.constData());
      } catch (const IoError& e) {
        QVERIFY2(e.message().contains(expected), qPrintable(e.message()));
      }
    }
  }

  // Adadelta's method is lr 1.0 (Zeiler; PyTorch's default): a file without "lr" gets it.
  void optimiserDefaultLearningRate() {
    QCOMPARE(parseExperiment(R"({"optimizer": {"name": "adadelta"}})", "a").config.optimizer.learningRate, 1.0);
    QCOMPARE(parseExperiment(R"({"optimizer": {"name": "adadelta", "lr": 0.5}})", "a").config.optimizer.learningRate,
             0.5);
    QCOMPARE(parseExperiment(R"({"optimizer": {"name": "adam"}})", "a").config.optimizer.learningRate, 0.03);
  }

  // Every lab's presets, grouped under the lab's name; with --lab one lab's, one per line, the name
  // first; an unknown lab is exit 2 with the list of labs.
  void cliListsPresets() {
    const dlio::PresetCatalog& catalog = dlio::PresetCatalog::builtIn();
    QVERIFY(!catalog.labs().isEmpty());
    const Run all = dlplay({"--list-presets"});
    QCOMPARE(all.code, 0);
    QVERIFY(all.out.contains("xor-tanh"));
    QStringList expected;
    for (const dlio::LabEntry& lab : catalog.labs()) {
      expected << lab.id + ": " + lab.title.in("en");
      for (const QString& name : catalog.presetsOf(lab.id)) expected << "  " + name;
    }
    const QStringList lines = all.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), expected.size());
    for (qsizetype i = 0; i < lines.size(); ++i) QVERIFY2(lines[i].startsWith(expected[i]), qPrintable(lines[i]));
    QStringList inLabs;  // every preset file is in exactly one lab
    for (const dlio::LabEntry& lab : catalog.labs()) inLabs << catalog.presetsOf(lab.id);
    inLabs.sort();
    QCOMPARE(inLabs, dlio::presetNames());

    for (const dlio::LabEntry& lab : catalog.labs()) {
      const Run one = dlplay({"--list-presets", "--lab", lab.id});
      QCOMPARE(one.code, 0);
      QStringList names;
      for (const QString& line : one.out.split('\n', Qt::SkipEmptyParts)) names << line.section(' ', 0, 0);
      QCOMPARE(names, catalog.presetsOf(lab.id));
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");  // the last one starts the window's application first
    for (const QStringList& args :
         {QStringList{"--list-presets", "--lab", "cnn-nope"},
          QStringList{"--headless", "--lab", "cnn-nope", "--preset", "xor-tanh"}, QStringList{"--lab", "cnn-nope"}}) {
      const Run bad = dlplay(args);
      QCOMPARE(bad.code, 2);
      QCOMPARE(bad.err.trimmed().section('\n', -1),
               "error: --lab: unknown lab 'cnn-nope' (labs: " + catalog.labIds().join(", ") + ")");
    }
  }

  // Every lab trains its first preset headless through its own entry, named or found from the preset.
  void cliRunsEveryLab() {
    const dlio::PresetCatalog& catalog = dlio::PresetCatalog::builtIn();
    for (const dlio::LabEntry& lab : catalog.labs()) {
      const QString preset = catalog.presetsOf(lab.id).value(0);
      QVERIFY2(!preset.isEmpty(), qPrintable(lab.id));
      const Run named = dlplay({"--headless", "--lab", lab.id, "--preset", preset, "--steps", "3"});
      QVERIFY2(named.code == 0, qPrintable(named.err));
      QVERIFY(named.out.contains("steps 3"));
      const Run found = dlplay({"--headless", "--preset", preset, "--steps", "3"});
      QCOMPARE(found.code, 0);
      QCOMPARE(found.out.section('\n', 1), named.out.section('\n', 1));  // the same run (after the timing line)
    }
  }
};

QTEST_GUILESS_MAIN(AppIoTest)
#include "tst_app_io.moc"
