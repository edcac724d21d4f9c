// Golden numbers: a dozen experiments that together use every layer feature (dense, batch norm,
// each activation family, dropout), every optimiser and schedule, L1/L2/clipping, class weights,
// resampling, regression, the L1-vs-L2 pair and a divergence, trained a few hundred steps on 1
// and on 2 threads. Every step's metrics, the per-layer diagnostics, the final parameters, buffers
// and optimiser state, and inference outputs must equal, BIT FOR BIT, what the engine produced
// when tests/golden/engine.txt was recorded. A refactor of the engine must leave them unchanged;
// a change that is meant to change the numbers re-records them and says why in its commit.
//
// Floating-point results depend on the instruction set, the compiler and its optimisation level,
// so the file holds one section per build key (see buildKey()). A build without a section of its
// own skips the comparison and says so; record a section from the code before a change with
//   DLPLAY_GOLDEN_RECORD=1 ./tests/tst_golden
// The experiments are written here rather than read from resources/presets: presets are retuned
// for their lessons, the goldens must not move with them.
#include "core/Parallel.h"
#include "config/Config.h"
#include "train/Runs.h"
#include "train/Trainer.h"

#include <QtTest>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

using namespace dl;

namespace {

const char* const kGoldenFile = DLPLAY_SOURCE_DIR "/tests/golden/engine.txt";

// ---- the build key --------------------------------------------------------------------------------
std::string buildKey() {
  std::string isa;
  auto add = [&](bool on, const char* name) {
    if (on) isa += std::string(isa.empty() ? "" : " ") + name;
  };
  bool sse2 = false, avx = false, avx2 = false, fma = false, f512 = false, dq512 = false, bw512 = false, vl512 = false,
       neon = false;
#ifdef __SSE2__
  sse2 = true;
#endif
#ifdef __AVX__
  avx = true;
#endif
#ifdef __AVX2__
  avx2 = true;
#endif
#ifdef __FMA__
  fma = true;
#endif
#ifdef __AVX512F__
  f512 = true;
#endif
#ifdef __AVX512DQ__
  dq512 = true;
#endif
#ifdef __AVX512BW__
  bw512 = true;
#endif
#ifdef __AVX512VL__
  vl512 = true;
#endif
#ifdef __ARM_NEON
  neon = true;
#endif
  add(sse2, "sse2");
  add(avx, "avx");
  add(avx2, "avx2");
  add(fma, "fma");
  add(f512, "avx512f");
  add(dq512, "avx512dq");
  add(bw512, "avx512bw");
  add(vl512, "avx512vl");
  add(neon, "neon");
#if defined(__x86_64__) && !defined(__AVX__)
  // Built for plain SSE2 (the sanitizer builds), the maths library still picks its code at run time
  // by the processor's features, so the same binary gives other last bits on an AVX-512 machine than
  // on an AVX2-only one: the key says which.
  isa += __builtin_cpu_supports("avx512f") ? " (runtime avx512f)"
         : __builtin_cpu_supports("avx2") ? " (runtime avx2)"
                                          : " (runtime sse2)";
#endif
  std::string compiler;
#if defined(__clang__)
  compiler = "clang " + std::to_string(__clang_major__) + "." + std::to_string(__clang_minor__);
#elif defined(__GNUC__)
  compiler = "gcc " + std::to_string(__GNUC__) + "." + std::to_string(__GNUC_MINOR__) + "." +
             std::to_string(__GNUC_PATCHLEVEL__);
#else
  compiler = "unknown compiler";
#endif
  // The processor's maker too: two machines with the same features (an Intel Xeon and an AMD EPYC,
  // both AVX-512) gave other last bits, from -march=native's tuning in the Release build and from
  // the maths library's run-time choice in the SSE2 (sanitizer) build.
  std::string vendor;
#if defined(__x86_64__) || defined(__i386__)
  vendor = __builtin_cpu_is("amd") ? " | AMD" : __builtin_cpu_is("intel") ? " | Intel" : " | other x86";
#endif
  return compiler + " | " + DLPLAY_BUILD_TYPE + " | " + (sizeof(Scalar) == 4 ? "float" : "double") + " | " +
         (isa.empty() ? "no simd" : isa) + vendor;
}

// ---- hashing: FNV-1a (64 bits) over the raw bytes of every value --------------------------------
class Hash {
public:
  void bytes(const void* p, std::size_t n) {
    const auto* b = static_cast<const unsigned char*>(p);
    for (std::size_t i = 0; i < n; ++i) {
      m_h ^= b[i];
      m_h *= 0x100000001b3ULL;
    }
  }
  template <typename T>
  void value(T v) {
    static_assert(std::is_trivially_copyable_v<T>);
    bytes(&v, sizeof v);
  }
  void matrix(const Matrix& m) {
    value(m.rows());
    value(m.cols());
    bytes(m.data(), sizeof(Scalar) * static_cast<std::size_t>(m.size()));
  }
  void vector(const Vector& v) {
    value(v.size());
    bytes(v.data(), sizeof(Scalar) * static_cast<std::size_t>(v.size()));
  }
  std::uint64_t get() const { return m_h; }

private:
  std::uint64_t m_h = 0xcbf29ce484222325ULL;
};

std::string hex64(std::uint64_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}
std::string hexFloat(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%a", v);
  return buf;
}

// ---- the experiments ----------------------------------------------------------------------------
LayerConfig layer(int units, const char* act) {
  LayerConfig c;
  c.units = units;
  c.activation = act;
  return c;
}

struct Golden {
  using Edits = std::function<void(Trainer&, long long s)>;
  Golden(std::string n, std::function<ExperimentConfig()> c, long long s = 300, Edits e = {})
      : name(std::move(n)), config(std::move(c)), steps(s), between(std::move(e)) {}
  std::string name;
  std::function<ExperimentConfig()> config;
  long long steps;
  Edits between;  // changes between steps (the window's live edits), called before step s + 1
};

ExperimentConfig base(const char* source, int points, std::vector<LayerConfig> hidden) {
  ExperimentConfig c;
  c.data.source = source;
  c.data.points = points;
  c.data.seed = 3;
  c.hidden = std::move(hidden);
  c.training.batchSize = 16;
  c.training.evalEvery = 25;
  c.training.seed = 11;
  return c;
}

std::vector<Golden> goldens() {
  std::vector<Golden> g;
  g.push_back({"tanh-sgd", [] {
                 ExperimentConfig c = base("xor", 300, {layer(8, "tanh"), layer(8, "tanh")});
                 c.optimizer.name = "sgd";
                 c.optimizer.learningRate = 0.1;
                 return c;
               }});
  g.push_back({"sigmoid-momentum-inverse-time", [] {
                 ExperimentConfig c = base("circle", 400, {layer(12, "sigmoid"), layer(6, "sigmoid")});
                 c.init.scheme = "xavier_normal";
                 c.init.bias = 0.05;
                 c.optimizer.name = "momentum";
                 c.optimizer.learningRate = 0.3;
                 c.schedule.name = "inverse_time";
                 c.schedule.decay = 0.2;
                 c.regularization.l2 = 1e-3;
                 return c;
               }});
  g.push_back({"relu-nesterov-step-clipvalue", [] {
                 ExperimentConfig c = base("spiral", 450, {layer(32, "relu"), layer(32, "relu"), layer(16, "relu")});
                 c.init.scheme = "he_normal";
                 c.optimizer.name = "nesterov";
                 c.optimizer.learningRate = 0.05;
                 c.optimizer.momentum = 0.8;
                 c.schedule.name = "step";
                 c.schedule.stepEvery = 3;
                 c.schedule.stepFactor = 0.7;
                 c.regularization.clipValue = 0.05;
                 c.training.batchSize = 32;
                 return c;
               }});
  g.push_back({"leaky-adagrad-exponential", [] {
                 ExperimentConfig c = base("moons", 300, {layer(16, "leaky_relu"), layer(16, "leaky_relu")});
                 c.hidden[0].slope = 0.1;
                 c.hidden[1].slope = 0.03;
                 c.init.scheme = "he_uniform";
                 c.optimizer.name = "adagrad";
                 c.optimizer.learningRate = 0.1;
                 c.schedule.name = "exponential";
                 c.schedule.base = 0.9;
                 return c;
               }});
  g.push_back({"prelu-rmsprop-inverse-sqrt-l2", [] {
                 ExperimentConfig c = base("blobs", 400, {layer(10, "prelu"), layer(10, "prelu")});
                 c.data.classes = 4;
                 c.data.noise = 1.5;
                 c.hidden[0].slope = 0.25;
                 c.optimizer.name = "rmsprop";
                 c.optimizer.learningRate = 0.01;
                 c.optimizer.rho = 0.95;
                 c.schedule.name = "inverse_sqrt";
                 c.regularization.l2 = 5e-3;
                 return c;
               }});
  g.push_back({"elu-adadelta-plateau", [] {
                 ExperimentConfig c = base("checkerboard", 500, {layer(24, "elu"), layer(24, "elu")});
                 c.hidden[0].alpha = 0.7;
                 c.optimizer.name = "adadelta";
                 c.optimizer.learningRate = 1.0;
                 c.schedule.name = "plateau";
                 c.schedule.patience = 1;
                 c.schedule.plateauFactor = 0.5;
                 c.training.evalEvery = 10;
                 return c;
               }});
  g.push_back({"selu-adam-l1-proximal", [] {
                 ExperimentConfig c = base("circle", 400, {layer(16, "selu"), layer(16, "selu"), layer(8, "linear")});
                 c.init.scheme = "lecun_normal";
                 c.optimizer.name = "adam";
                 c.optimizer.learningRate = 0.01;
                 c.regularization.l1 = 1e-3;
                 c.regularization.l1Mode = "proximal";
                 return c;
               }});
  g.push_back({"maxout-adam-clipnorm-l1-subgradient", [] {
                 ExperimentConfig c = base("spiral", 450, {layer(12, "maxout"), layer(8, "maxout")});
                 c.hidden[0].pieces = 3;
                 c.hidden[1].pieces = 2;
                 c.init.scheme = "orthogonal";
                 c.init.gain = 1.2;
                 c.optimizer.name = "adam";
                 c.optimizer.learningRate = 0.02;
                 c.optimizer.beta1 = 0.85;
                 c.regularization.clipNorm = 0.5;
                 c.regularization.l1 = 5e-4;
                 c.regularization.l1Mode = "subgradient";
                 return c;
               }});
  // Batch norm and dropout together, with the live edits that touch the layers between steps.
  g.push_back({"batchnorm-dropout-live-edits",
               [] {
                 ExperimentConfig c = base("spiral", 600, {layer(32, "relu"), layer(32, "tanh"), layer(16, "relu")});
                 c.hidden[0].batchNorm = c.hidden[1].batchNorm = true;
                 c.hidden[1].dropout = 0.3;
                 c.hidden[2].dropout = 0.2;
                 c.init.scheme = "he_normal";
                 c.optimizer.name = "sgd";
                 c.optimizer.learningRate = 0.5;
                 c.training.batchSize = 32;
                 return c;
               },
               300,
               [](Trainer& t, long long s) {
                 if (s == 120) t.setDropout(0, 0.25);
                 if (s == 150) t.setWeight(1, 3, 4, 0.75);
                 if (s == 200) t.setBatchSize(24);
                 if (s == 220) t.setDropout(2, 0.0);
               }});
  g.push_back({"regression-ripple-mse", [] {
                 ExperimentConfig c = base("ripple", 400, {layer(20, "tanh"), layer(20, "elu")});
                 c.data.noise = 0.2;
                 c.init.scheme = "xavier_uniform";
                 c.optimizer.name = "adam";
                 c.optimizer.learningRate = 0.005;
                 return c;
               }});
  g.push_back({"imbalance-class-weights-bce", [] {
                 ExperimentConfig c = base("blobs", 600, {layer(8, "tanh")});
                 c.data.classes = 2;
                 c.data.noise = 3.0;
                 c.data.imbalance = 0.1;
                 c.training.loss = "sigmoid_bce";
                 c.training.classWeights = {1.0, 6.0};
                 c.optimizer.name = "adam";
                 c.optimizer.learningRate = 0.01;
                 return c;
               }});
  g.push_back({"imbalance-smote-balanced-weights", [] {
                 ExperimentConfig c = base("blobs", 600, {layer(12, "relu"), layer(6, "sigmoid")});
                 c.data.classes = 3;
                 c.data.noise = 2.0;
                 c.data.imbalance = 0.2;
                 c.data.resample = "smote";
                 c.training.balancedClassWeights = true;
                 c.optimizer.name = "momentum";
                 c.optimizer.learningRate = 0.05;
                 return c;
               }});
  g.push_back({"oversample-feature-inputs", [] {
                 ExperimentConfig c = base("circle", 400, {layer(6, "tanh")});
                 c.data.imbalance = 0.3;
                 c.data.resample = "oversample";
                 c.data.inputs = {"x1", "x2", "x1^2", "x2^2", "x1x2", "sin_x1", "sin_x2"};
                 c.optimizer.learningRate = 0.1;
                 return c;
               }});
  // Wide enough that dl::gemm splits its products across threads, with evaluation over > 1024
  // samples (several parallel chunks).
  g.push_back({"wide-batchnorm-dropout-threads",
               [] {
                 ExperimentConfig c = base("spiral", 3000, {layer(256, "relu"), layer(256, "tanh")});
                 c.hidden[0].batchNorm = true;
                 c.hidden[1].dropout = 0.1;
                 c.init.scheme = "he_normal";
                 c.optimizer.name = "adam";
                 c.optimizer.learningRate = 0.002;
                 c.training.batchSize = 128;
                 c.training.evalEvery = 50;
                 return c;
               },
               150});
  g.push_back({"exploding-diverges", [] {
                 ExperimentConfig c = base("circle", 300, std::vector<LayerConfig>(8, layer(32, "relu")));
                 c.init.scheme = "normal";
                 c.init.sigma = 0.5;
                 c.optimizer.learningRate = 0.1;
                 c.training.batchSize = 32;
                 return c;
               }});
  for (int run = 0; run < 2; ++run)
    g.push_back({run == 0 ? "l1-vs-l2/l1" : "l1-vs-l2/l2", [run] {
                   ExperimentConfig c = base("xor", 300, {layer(16, "tanh"), layer(16, "tanh")});
                   c.regularization.l1 = 3e-3;
                   c.regularization.compareL1L2 = true;
                   c.optimizer.learningRate = 0.2;
                   return experimentRuns(c)[static_cast<std::size_t>(run)].config;
                 }});
  return g;
}

// ---- one run, reduced to hashes and a few readable values ----------------------------------------
struct Result {
  std::map<std::string, std::string> fields;  // name → value, in file order by name
  std::string line(const std::string& name) const {
    std::string s = name;
    for (const auto& [k, v] : fields) s += " " + k + "=" + v;
    return s;
  }
};

Result runGolden(const Golden& gold) {
  Trainer t(gold.config());
  Hash trace, diag, infer;
  double firstLoss = kNaN, lastLoss = kNaN;
  long long s = 0;
  for (; s < gold.steps && !t.diverged(); ++s) {
    if (gold.between) gold.between(t, s);
    const StepMetrics m = t.step();
    trace.value(m.step);
    trace.value(m.epoch);
    trace.value(m.lr);
    trace.value(m.trainLoss);
    trace.value(m.penalty);
    trace.value(m.evaluated);
    trace.value(m.valLoss);
    trace.value(m.valAccuracy);
    trace.value(m.trainAccuracy);
    trace.value(m.gradNormTotal);
    trace.value(m.clipped);
    for (const LayerStats& l : m.layers) {
      diag.value(l.gradNorm);
      diag.value(l.weightNorm);
      diag.value(l.updateRatio);
      diag.value(l.sparsity);
      diag.value(l.saturation);
    }
    if (s == 0) firstLoss = m.trainLoss;
    lastLoss = m.trainLoss;
  }
  const TrainerState st = t.state();
  Hash params, buffers, optim;
  params.vector(st.params);
  buffers.vector(st.buffers);
  for (const auto& [name, v] : st.optimizer.buffers) {
    optim.bytes(name.data(), name.size());
    optim.vector(v);
  }
  optim.value(st.optimizer.t);
  for (double v : st.schedule) optim.value(v);
  for (auto w : st.dropoutRng) optim.value(w);
  for (auto w : st.shuffleRng) optim.value(w);

  // Inference: validation metrics and a decision map with every hidden layer's output.
  const Evaluation e = t.evaluate(Split::Validation);
  infer.value(e.loss);
  infer.value(e.accuracy);
  const Evaluation tr = t.evaluate(Split::Train);
  infer.value(tr.loss);
  infer.value(tr.accuracy);
  double x0, x1, y0, y1;
  t.mapBounds(x0, x1, y0, y1);
  const GridEvaluation grid = t.evaluateGrid(33, x0, x1, y0, y1, true);
  infer.matrix(grid.values);
  for (const Matrix& h : grid.hidden) infer.matrix(h);

  Result r;
  r.fields["steps"] = std::to_string(s);
  std::string diverged = "no";
  if (const auto& d = t.divergence())
    diverged = d->quantity + "@" + std::to_string(d->step) + "/L" + std::to_string(d->layer);
  r.fields["diverged"] = diverged;
  r.fields["trace"] = hex64(trace.get());
  r.fields["diag"] = hex64(diag.get());
  r.fields["params"] = hex64(params.get());
  r.fields["buffers"] = hex64(buffers.get());
  r.fields["optim"] = hex64(optim.get());
  r.fields["infer"] = hex64(infer.get());
  r.fields["loss1"] = hexFloat(firstLoss);
  r.fields["lossN"] = hexFloat(lastLoss);
  r.fields["valLoss"] = hexFloat(e.loss);
  return r;
}

// ---- the file ----------------------------------------------------------------------------------------
// Sections "[build key]" followed by lines "name field=value ...". Lines starting with # are comments.
using Section = std::map<std::string, std::map<std::string, std::string>>;  // name → field → value

std::map<std::string, Section> readGoldenFile(std::vector<std::string>* header = nullptr) {
  std::map<std::string, Section> out;
  std::ifstream in(kGoldenFile);
  std::string line, current;
  bool inHeader = true;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    if (line[0] == '#') {
      if (inHeader && header) header->push_back(line);
      continue;
    }
    inHeader = false;
    if (line.front() == '[' && line.back() == ']') {
      current = line.substr(1, line.size() - 2);
      out[current];
      continue;
    }
    std::istringstream ls(line);
    std::string name, kv;
    ls >> name;
    auto& fields = out[current][name];
    while (ls >> kv) {
      const auto eq = kv.find('=');
      if (eq != std::string::npos) fields[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
  }
  return out;
}

}  // namespace

class TestGolden : public QObject {
  Q_OBJECT
private slots:
  void initTestCase() { qInfo("build key: %s", buildKey().c_str()); }
  void cleanupTestCase() { setThreadCount(1); }

  void experiments_data() {
    QTest::addColumn<int>("threads");
    QTest::newRow("1 thread") << 1;
    QTest::newRow("2 threads") << 2;
  }

  // Every experiment, compared with the recorded section of this build key.
  void experiments() {
    QFETCH(int, threads);
    setThreadCount(threads);
    const std::vector<Golden> list = goldens();
    std::vector<std::pair<std::string, Result>> results;
    for (const Golden& g : list) results.emplace_back(g.name, runGolden(g));
    setThreadCount(1);

    const std::string key = buildKey();
    if (qEnvironmentVariableIntValue("DLPLAY_GOLDEN_RECORD") == 1 && threads == 1) {
      record(key, results);
      return;
    }
    const auto file = readGoldenFile();
    const auto section = file.find(key);
    if (section == file.end())
      QSKIP(qPrintable(QString("no golden numbers for this build (%1) in %2: record them from the code before "
                               "a change with DLPLAY_GOLDEN_RECORD=1")
                           .arg(QString::fromStdString(key), kGoldenFile)));
    QCOMPARE(section->second.size(), results.size());
    QStringList failures;
    for (const auto& [name, r] : results) {
      const auto want = section->second.find(name);
      if (want == section->second.end()) {
        failures << QString::fromStdString(name + ": not recorded");
        continue;
      }
      for (const auto& [field, value] : r.fields) {
        const auto it = want->second.find(field);
        const std::string expected = it == want->second.end() ? "(missing)" : it->second;
        if (expected != value)
          failures << QString::fromStdString(name + ": " + field + " is " + value + ", recorded " + expected);
      }
    }
    // One line each (Qt Test cuts long failure messages).
    for (const QString& f : failures) qWarning("%s", qPrintable(f));
    QVERIFY2(failures.isEmpty(),
             qPrintable(QString("%1 values differ from %2 (listed above)").arg(failures.size()).arg(kGoldenFile)));
  }

  // The comparison can fail: one unit in the last place of one weight changes the hashes.
  void oneUlpChangesTheHashes() {
    Golden g = goldens().front();
    const Result a = runGolden(g);
    g.between = [](Trainer& t, long long s) {
      if (s != 100) return;
      const LayerInfo& l = t.network().layer(0);
      const Scalar w = t.network().params()(l.weights.offset);
      t.setWeight(0, 0, 0, static_cast<double>(std::nextafter(w, Scalar(1e9))));
    };
    const Result b = runGolden(g);
    QVERIFY(a.fields.at("loss1") == b.fields.at("loss1"));  // before the change: identical
    QVERIFY(a.fields.at("trace") != b.fields.at("trace"));
    QVERIFY(a.fields.at("params") != b.fields.at("params"));
    QVERIFY(a.fields.at("infer") != b.fields.at("infer"));
  }

private:
  // Replaces this build key's section of the golden file, keeping the others and the header.
  static void record(const std::string& key, const std::vector<std::pair<std::string, Result>>& results) {
    std::vector<std::string> header;
    auto file = readGoldenFile(&header);
    Section& s = file[key];
    s.clear();
    for (const auto& [name, r] : results) s[name] = r.fields;
    std::ofstream out(kGoldenFile);
    for (const auto& h : header) out << h << '\n';
    for (const auto& [k, sec] : file) {
      out << '\n' << '[' << k << "]\n";
      // in the order of goldens(), so the file reads like the list above
      for (const Golden& g : goldens()) {
        const auto it = sec.find(g.name);
        if (it == sec.end()) continue;
        out << g.name;
        for (const auto& [f, v] : it->second) out << ' ' << f << '=' << v;
        out << '\n';
      }
    }
    QVERIFY2(out.good(), kGoldenFile);
    qWarning("recorded %zu experiments for [%s] in %s", results.size(), key.c_str(), kGoldenFile);
  }
};

QTEST_APPLESS_MAIN(TestGolden)
#include "tst_golden.moc"
