// Speed benchmark of the training engine: steps/s of the four reference configurations of
// ../shared/perf/README.md, built and timed exactly like torch_mlp_bench.py, plus the machine's
// Eigen float GEMM rate for the layer-sized products of config C (what C's step could reach), and
// two CNN configurations (E: the digits LeNet, F: a Fashion-MNIST-sized LeNet-5) timed like
// bench/torch_cnn_bench.py.
//
// usage: dlplay_bench [--target S] [--reps N] [--configs A,B,C,D,E,F] [--threads 1,2] [--diag 0,1]
//                     [--gemm 0|1]
// Machine-readable lines (everything else is for people):
//   RESULT,dlplay,<config>,<threads>,<diag>,<steps_s>,<samples_s>,<epochs_s>,<spread>%,<nsteps>,<runs>,loss=<l>
//                   (E and F: diag is always 0 — the CNN trainer has no diagnostics switch)
//   CONVSHARE,dlplay,F,<threads>,<share of F's step time outside the dense head>
//   GEMM,dlplay,<eigen|dl_gemm>,<threads>,<GFLOP/s>,<spread>%     (C's products, one pass = one step's worth)
//   FLOP,dlplay,C,<per full batch>,<per step, epoch mean>
//   GEMMFRAC,dlplay,C,<threads>,<diag>,<step GFLOP/s>,<reference GFLOP/s>,<fraction>,<reference>,<passes/s>
//   OVERHEAD,dlplay,<config>,<threads>,<diagnostics: rate(off)/rate(on) − 1>
// The diagnostics settings of a configuration, and for C the GEMM reference (its products by plain
// Eigen on 1 thread, by dl::gemm on more), run in turn repeat by repeat; GEMMFRAC and OVERHEAD are
// medians of same-repeat ratios, robust to the load of other users of the machine.
#include "cnn/CnnTrainer.h"
#include "core/Gemm.h"
#include "core/Parallel.h"
#include "core/Rng.h"
#include "data/Dataset.h"
#include "data/Prepare.h"
#include "search/Search.h"
#include "seq/SeqTrainer.h"
#include "config/Config.h"
#include "train/Trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <memory>
#include <numbers>
#include <sstream>
#include <string>
#include <vector>

namespace {

using dl::Index;
using dl::Matrix;
using Clock = std::chrono::steady_clock;

constexpr long long kWarmSteps = 200;  // as torch_mlp_bench.py: warm-up, then 200 to calibrate

// ---- the data of torch_mlp_bench.py, drawn from dl::Rng ---------------------------------------

dl::Dataset classification(Matrix X, std::vector<int> labels, int classes) {
  dl::Dataset d;
  d.X = std::move(X);
  d.labels = std::move(labels);
  d.numClasses = classes;
  d.task = dl::Task::Classification;
  for (Index f = 0; f < d.X.rows(); ++f) d.featureNames.push_back("x" + std::to_string(f + 1));
  for (int c = 0; c < classes; ++c) d.classNames.push_back(std::to_string(c));
  return d;
}

// Radius U[0,2) for class 0 and U[3,5) for class 1, angle U[0,2π), all divided by 5.
dl::Dataset twoCircles(int n, dl::Rng& rng) {
  Matrix X(2, n);
  std::vector<int> y(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    const bool outer = i >= n / 2;
    const double r = rng.uniform() * 2.0 + (outer ? 3.0 : 0.0);
    const double th = rng.uniform() * 2.0 * std::numbers::pi;
    X(0, i) = static_cast<dl::Scalar>(r * std::cos(th) / 5.0);
    X(1, i) = static_cast<dl::Scalar>(r * std::sin(th) / 5.0);
    y[static_cast<std::size_t>(i)] = outer ? 1 : 0;
  }
  return classification(std::move(X), std::move(y), 2);
}

// cs231n spiral: arm c has n/k points, r = linspace(0,1), t = linspace(4c, 4c+4) + 0.2·N(0,1).
dl::Dataset spiral(int n, int k, dl::Rng& rng) {
  const int per = n / k;
  Matrix X(2, per * k);
  std::vector<int> y(static_cast<std::size_t>(per * k));
  for (int c = 0; c < k; ++c)
    for (int i = 0; i < per; ++i) {
      const double s = per > 1 ? double(i) / (per - 1) : 0.0;
      const double r = s;
      const double t = 4.0 * c + 4.0 * s + 0.2 * rng.normal();
      const int j = c * per + i;
      X(0, j) = static_cast<dl::Scalar>(r * std::sin(t));
      X(1, j) = static_cast<dl::Scalar>(r * std::cos(t));
      y[static_cast<std::size_t>(j)] = c;
    }
  return classification(std::move(X), std::move(y), k);
}

// 784 features U[0,1), labels uniform in 0..9.
dl::Dataset randomMnist(int n, dl::Rng& rng) {
  Matrix X(784, n);
  for (Index i = 0; i < X.size(); ++i) X.data()[i] = static_cast<dl::Scalar>(rng.uniform());
  std::vector<int> y(static_cast<std::size_t>(n));
  for (int& v : y) v = static_cast<int>(rng.below(10));
  return classification(std::move(X), std::move(y), 10);
}

// Training part only, no preprocessing: validation and test are empty, so no evaluation runs.
std::shared_ptr<const dl::PreparedData> prepared(dl::Dataset all) {
  auto p = std::make_shared<dl::PreparedData>();
  const auto empty = [&] {
    dl::Dataset d = all;
    d.X.resize(all.features(), 0);
    d.labels.clear();
    return d;
  };
  p->validation = empty();
  p->test = empty();
  p->trainRaw = all.X;
  p->trainRawLabels = all.labels;
  p->preprocessor.rawMean = all.X.rowwise().mean();
  p->preprocessor.mean = dl::Vector::Zero(all.features());
  p->preprocessor.scale = dl::Vector::Ones(all.features());
  p->classCounts.assign(static_cast<std::size_t>(all.numClasses), 0);
  for (int l : all.labels) ++p->classCounts[static_cast<std::size_t>(l)];
  p->train = std::move(all);
  return p;
}

// ---- the four reference configurations -------------------------------------------------------

struct BenchConfig {
  std::string id;
  std::string desc;
  std::vector<int> sizes;  // inputs, hidden..., outputs
  std::string activation;
  int batch = 0;
  std::function<dl::Dataset(dl::Rng&)> data;
};

const std::vector<BenchConfig>& benchConfigs() {
  static const std::vector<BenchConfig> configs = {
      {"A",
       "playground 2-8-8-2 tanh, N=500, bs=10",
       {2, 8, 8, 2},
       "tanh",
       10,
       [](dl::Rng& r) { return twoCircles(500, r); }},
      {"B",
       "classroom spiral 2-64x3-3 relu, N=2001, bs=64",
       {2, 64, 64, 64, 3},
       "relu",
       64,
       [](dl::Rng& r) { return spiral(2001, 3, r); }},
      {"C",
       "MNIST-like 784-256-128-10 relu, N=10000, bs=128",
       {784, 256, 128, 10},
       "relu",
       128,
       [](dl::Rng& r) { return randomMnist(10000, r); }},
      {"D",
       "deep sigmoid 2-32x10-2, N=1000, bs=32",
       {2, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 2},
       "sigmoid",
       32,
       [](dl::Rng& r) { return twoCircles(1000, r); }},
  };
  return configs;
}

dl::ExperimentConfig experiment(const BenchConfig& b, Index points) {
  dl::ExperimentConfig c;
  c.name = "bench-" + b.id;
  // Descriptive only: the data is built above, but validate() still checks these fields.
  c.data.source = b.id == "B" ? "spiral" : b.id == "C" ? "blobs" : "circle";
  c.data.points = static_cast<int>(points);
  c.data.classes = b.id == "C" ? 10 : 3;
  c.data.validationFraction = 0.0;
  c.data.standardize = false;
  c.hidden.clear();
  for (std::size_t i = 1; i + 1 < b.sizes.size(); ++i) {
    dl::LayerConfig l;
    l.units = b.sizes[i];
    l.activation = b.activation;
    c.hidden.push_back(l);
  }
  // PyTorch's default is U(±1/√fan_in); He for ReLU, Glorot for the squashing units is as good.
  c.init.scheme = b.activation == "relu" ? "he_uniform" : "xavier_uniform";
  c.optimizer.name = "momentum";
  c.optimizer.learningRate = 0.03;
  c.optimizer.momentum = 0.9;
  c.training.batchSize = b.batch;
  c.training.loss = "softmax_ce";
  c.training.seed = 1;
  return c;
}

// Multiply-add FLOPs of one step on a batch of B: forward 2·B·Σ in·out; backward ∂W the same and
// ∂x for every layer but the first.
double stepFlop(const std::vector<int>& sizes, double B) {
  double sum = 0;
  for (std::size_t i = 0; i + 1 < sizes.size(); ++i) sum += double(sizes[i]) * sizes[i + 1];
  const double first = double(sizes[0]) * sizes[1];
  return 2.0 * B * (3.0 * sum - first);
}

// ---- timing like torch_mlp_bench.py: warm-up, calibrate to ~target s, median of reps ----------

struct Timing {
  double median = 0;
  double spread = 0;  // (max − min)/median, percent
  long long nsteps = 0;
  std::vector<double> runs;
};

double secondsOf(const std::function<void(long long)>& run, long long n) {
  const auto t0 = Clock::now();
  run(n);
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// Warm-up, then the number of steps that takes ~target seconds (at least 200).
long long calibrate(const std::function<void(long long)>& run, double target) {
  run(kWarmSteps);
  const double dt = secondsOf(run, kWarmSteps);
  return std::max<long long>(kWarmSteps, static_cast<long long>(double(kWarmSteps) * target / dt));
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

void summarize(Timing& t) {
  t.median = median(t.runs);
  const auto [lo, hi] = std::minmax_element(t.runs.begin(), t.runs.end());
  t.spread = (*hi - *lo) / t.median * 100.0;
}

// Loops timed in turn, repeat by repeat, so that load from other users of the machine hits them
// alike (this machine is shared): each is warmed up and calibrated, then repeat r of every loop
// runs before repeat r+1 of any. Same-repeat ratios of two loops are then comparable.
std::vector<Timing> timeRotation(const std::vector<std::function<void(long long)>>& loops, double target, int reps) {
  std::vector<Timing> ts(loops.size());
  for (std::size_t i = 0; i < loops.size(); ++i) ts[i].nsteps = calibrate(loops[i], target);
  for (int r = 0; r < reps; ++r)
    for (std::size_t i = 0; i < loops.size(); ++i)
      ts[i].runs.push_back(double(ts[i].nsteps) / secondsOf(loops[i], ts[i].nsteps));
  for (Timing& t : ts) summarize(t);
  return ts;
}

Timing timeLoop(const std::function<void(long long)>& run, double target, int reps) {
  return timeRotation({run}, target, reps).front();
}

// Median over repeats of f(rate of a, rate of b) from the same repeat.
template <class F>
double pairedMedian(const Timing& a, const Timing& b, F&& f) {
  std::vector<double> v;
  for (std::size_t r = 0; r < a.runs.size() && r < b.runs.size(); ++r) v.push_back(f(a.runs[r], b.runs[r]));
  return median(v);
}

std::string joinRuns(const std::vector<double>& runs) {
  std::string s;
  char buf[32];
  for (double r : runs) {
    std::snprintf(buf, sizeof buf, "%s%.0f", s.empty() ? "" : "/", r);
    s += buf;
  }
  return s;
}

// ---- GEMM: the products of C's step, with the step's shapes and transposes --------------------

struct Product {
  Index m, n, k;
  dl::Trans ta, tb;
  Matrix A, B, C;
  std::string what;
  double flop() const { return 2.0 * double(m) * double(n) * double(k); }
};

std::vector<Product> stepProducts(const std::vector<int>& sizes, Index B) {
  std::vector<Product> ps;
  const auto add = [&](Index m, Index n, Index k, dl::Trans ta, dl::Trans tb, std::string what) {
    Product p{m, n, k, ta, tb, {}, {}, Matrix::Zero(m, n), std::move(what)};
    p.A = ta == dl::Trans::No ? Matrix::Random(m, k) : Matrix::Random(k, m);
    p.B = tb == dl::Trans::No ? Matrix::Random(k, n) : Matrix::Random(n, k);
    ps.push_back(std::move(p));
  };
  for (std::size_t l = 0; l + 1 < sizes.size(); ++l) {
    const Index in = sizes[l], out = sizes[l + 1];
    const std::string tag = std::to_string(in) + "->" + std::to_string(out);
    add(out, B, in, dl::Trans::No, dl::Trans::No, "fwd  Z=W*X      " + tag);
    add(out, in, B, dl::Trans::No, dl::Trans::Yes, "bwd  dW=dZ*X^T   " + tag);
    if (l > 0) add(in, B, out, dl::Trans::Yes, dl::Trans::No, "bwd  dX=W^T*dZ   " + tag);
  }
  return ps;
}

void eigenProduct(Product& p) {
  using dl::Trans;
  if (p.ta == Trans::No && p.tb == Trans::No)
    p.C.noalias() = p.A * p.B;
  else if (p.ta == Trans::No)
    p.C.noalias() = p.A * p.B.transpose();
  else if (p.tb == Trans::No)
    p.C.noalias() = p.A.transpose() * p.B;
  else
    p.C.noalias() = p.A.transpose() * p.B.transpose();
}

void dlProduct(Product& p) { dl::gemm(p.C, p.A, p.ta, p.B, p.tb); }

struct GemmRate {
  double gflops = 0, spread = 0;
  std::vector<double> perProduct;  // GFLOP/s of each product alone (one short run)
};

// n passes over all products: plain Eigen, or dl::gemm with the engine's current thread count.
std::function<void(long long)> gemmPasses(std::vector<Product>& ps, bool viaEngine) {
  return [&ps, viaEngine](long long n) {
    for (long long i = 0; i < n; ++i)
      for (Product& p : ps) viaEngine ? dlProduct(p) : eigenProduct(p);
  };
}

GemmRate measureGemm(std::vector<Product>& ps, bool viaEngine, double target, int reps) {
  const auto one = [&](Product& p) { viaEngine ? dlProduct(p) : eigenProduct(p); };
  double flop = 0;
  for (const Product& p : ps) flop += p.flop();
  const Timing t = timeLoop(gemmPasses(ps, viaEngine), target, reps);
  GemmRate r;
  r.gflops = t.median * flop * 1e-9;
  r.spread = t.spread;
  for (Product& p : ps) {
    const double seconds = std::max(0.2, target / 10);
    long long n = 0;
    const auto t0 = Clock::now();
    double dt = 0;
    while (dt < seconds) {
      for (int i = 0; i < 20; ++i) one(p);
      n += 20;
      dt = std::chrono::duration<double>(Clock::now() - t0).count();
    }
    r.perProduct.push_back(double(n) * p.flop() / dt * 1e-9);
  }
  return r;
}

// ---- search16: a 16-trial hyperparameter search on 1 and on 2 threads ----------------------------
// Each trial trains alone on one thread (engine/search), so two threads should take about half the
// time: the target is a speed-up of at least 1.7×. Timed in turn, median of the repeats.

dl::search::SearchConfig search16() {
  dl::search::SearchConfig s;
  s.base.data.source = "spiral";
  s.base.data.points = 600;
  s.base.data.arms = 3;
  s.base.hidden = {dl::LayerConfig{.units = 32, .activation = "tanh"},
                   dl::LayerConfig{.units = 32, .activation = "tanh"}};
  s.base.optimizer.name = "adam";
  s.base.training.batchSize = 32;
  s.base.training.evalEvery = 100;
  s.params = {{"learningRate", 1e-4, 0.1, dl::search::Scale::Log}, {"l2", 1e-6, 1e-2, dl::search::Scale::Log}};
  s.strategy = dl::search::Strategy::LogUniform;
  s.trials = 16;
  s.steps = 12000;
  return s;
}

void searchBench(int reps) {
  dl::search::SearchConfig c = search16();
  std::vector<double> one, two;
  for (int r = 0; r < reps; ++r)
    for (int threads : {1, 2}) {
      c.threads = threads;
      dl::search::Search s(c);  // prepares the data: not timed
      const auto t0 = std::chrono::steady_clock::now();
      s.run();
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      (threads == 1 ? one : two).push_back(seconds);
      std::printf("SEARCHRUN,dlplay,search16,%d,%.3f\n", threads, seconds);
      std::fflush(stdout);
    }
  const double t1 = median(one), t2 = median(two);
  std::printf("SEARCH,dlplay,search16,%.3f,%.3f,%.2f\n", t1, t2, t1 / t2);
  std::printf(
      "# search16: 16 trials x %lld steps (spiral 600, 2x32 tanh, Adam, batch 32): 1 thread %.2f s, "
      "2 threads %.2f s, speed-up %.2fx (target >= 1.7x)\n",
      c.steps, t1, t2, t1 / t2);
  std::fflush(stdout);
}

// ---- E and F: CNN configurations, timed like bench/torch_cnn_bench.py ---------------------------
// A step is dl::CnnTrainer::step itself on an in-memory dataset of random images (pixels U[0,1),
// labels uniform in 0..9): batch gather, forward, softmax cross-entropy, backward, per-layer
// gradient norms, Adam. No validation part, so no evaluation runs; N is a multiple of the batch,
// so every step is a full batch (as in the PyTorch script).

struct CnnBenchConfig {
  std::string id;
  std::string desc;
  dl::ImageShape shape;
  int count = 0;
  std::vector<dl::LayerSpec> layers;
  int batch = 0;
  double lr = 0;
};

dl::LayerSpec layer(std::string kind) {
  dl::LayerSpec s;
  s.kind = std::move(kind);
  return s;
}
dl::LayerSpec conv(Index units, Index kernel, Index padding) {
  dl::LayerSpec s = layer("conv2d");
  s.units = units;
  s.kernel = kernel;
  s.padding = padding;
  return s;
}
dl::LayerSpec relu() {
  dl::LayerSpec s = layer("activation");
  s.activation.activation = "relu";
  return s;
}
dl::LayerSpec maxPool(Index k) {
  dl::LayerSpec s = layer("max_pool2d");
  s.kernel = k;
  return s;
}
dl::LayerSpec flatten() { return layer("flatten"); }
dl::LayerSpec dense(Index units) {
  dl::LayerSpec s = layer("dense");
  s.units = units;
  return s;
}

constexpr Index kSame = dl::LayerSpec::kSamePadding;

const std::vector<CnnBenchConfig>& cnnConfigs() {
  static const std::vector<CnnBenchConfig> configs = {
      {"E",
       "digits CNN 8x8: conv8@3 pool conv16@3 pool dense10, Adam 0.003, N=1280, bs=32",
       {1, 8, 8},
       1280,
       {conv(8, 3, kSame), relu(), maxPool(2), conv(16, 3, kSame), relu(), maxPool(2), flatten(), dense(10)},
       32,
       0.003},
      {"F",
       "LeNet-5 28x28: conv6@5 pool conv16@5 pool 120-84-10, Adam 0.001, N=6400, bs=64",
       {1, 28, 28},
       6400,
       {conv(6, 5, kSame), relu(), maxPool(2), conv(16, 5, 0), relu(), maxPool(2), flatten(), dense(120), relu(),
        dense(84), relu(), dense(10)},
       64,
       0.001},
  };
  return configs;
}

const CnnBenchConfig* findCnnConfig(const std::string& id) {
  for (const CnnBenchConfig& c : cnnConfigs())
    if (c.id == id) return &c;
  return nullptr;
}

std::shared_ptr<const dl::CnnData> randomImages(dl::ImageShape shape, int count, dl::Rng& rng) {
  dl::Dataset d;
  d.X.resize(shape.size(), count);
  for (Index i = 0; i < d.X.size(); ++i) d.X.data()[i] = static_cast<dl::Scalar>(rng.uniform());
  d.labels.resize(static_cast<std::size_t>(count));
  for (int& v : d.labels) v = static_cast<int>(rng.below(10));
  d.numClasses = 10;
  d.image = shape;
  for (int c = 0; c < 10; ++c) d.classNames.push_back(std::to_string(c));
  auto data = std::make_shared<dl::CnnData>();
  data->shape = shape;
  data->classNames = d.classNames;
  data->parts.train = std::move(d);  // validation and test stay empty
  return data;
}

dl::CnnConfig cnnExperiment(const std::string& id, const std::vector<dl::LayerSpec>& layers, int batch, double lr) {
  dl::CnnConfig c;
  c.name = "bench-" + id;
  c.layers = layers;
  c.init.scheme = "he_uniform";
  c.optimizer.name = "adam";
  c.optimizer.learningRate = lr;
  c.training.batchSize = batch;
  c.training.seed = 1;
  return c;
}

std::function<void(long long)> cnnSteps(dl::CnnTrainer& t, double& loss) {
  return [&t, &loss](long long n) {
    for (long long s = 0; s < n; ++s) loss = t.step().trainLoss;
  };
}

// F also times its dense head alone (flatten → 120 → 84 → 10 on the second pool's 16×5×5 output,
// same batch and optimiser) in the same rotation: 1 − rate(full)/rate(head) is the share of a step
// spent in the convolutional part (convolutions, ReLU, pooling, and the larger batch gather).
void cnnBench(const CnnBenchConfig& b, const std::vector<int>& threads, double target, int reps) {
  dl::Rng dataRng(0);
  const auto data = randomImages(b.shape, b.count, dataRng);
  std::shared_ptr<const dl::CnnData> headData;
  std::vector<dl::LayerSpec> head;
  if (b.id == "F") {
    headData = randomImages({16, 5, 5}, b.count, dataRng);
    head.assign(b.layers.begin() + 7, b.layers.end());
  }
  const double stepsPerEpoch = double(b.count) / b.batch;
  for (int T : threads) {
    dl::setThreadCount(T);
    double loss = 0, headLoss = 0;
    dl::CnnTrainer full(cnnExperiment(b.id, b.layers, b.batch, b.lr), data);
    std::vector<std::function<void(long long)>> loops{cnnSteps(full, loss)};
    std::unique_ptr<dl::CnnTrainer> headOnly;
    if (headData) {
      headOnly = std::make_unique<dl::CnnTrainer>(cnnExperiment(b.id + "-head", head, b.batch, b.lr), headData);
      loops.push_back(cnnSteps(*headOnly, headLoss));
    }
    const std::vector<Timing> ts = timeRotation(loops, target, reps);
    const Timing& t = ts.front();
    std::printf("RESULT,dlplay,%s,%d,0,%.1f,%.0f,%.2f,%.1f%%,%lld,%s,loss=%.3f  # %s\n", b.id.c_str(), T, t.median,
                t.median * b.batch, t.median / stepsPerEpoch, t.spread, t.nsteps, joinRuns(t.runs).c_str(), loss,
                b.desc.c_str());
    if (headOnly) {
      const double share = pairedMedian(t, ts[1], [](double rf, double rh) { return 1.0 - rf / rh; });
      std::printf("CONVSHARE,dlplay,%s,%d,%.3f,%.1f  # head alone: steps/s\n", b.id.c_str(), T, share, ts[1].median);
    }
    std::fflush(stdout);
  }
}

// ---- G and H: recurrent configurations, timed like bench/torch_seq_bench.py -----------------------
// A step is dl::SeqTrainer::step itself on the adding problem (T = 50, two features per step,
// 3,200 training sequences, a multiple of the batch): batch gather, forward through the cell over
// 50 steps, the last step's 64 units to one output, mean squared error, backpropagation through
// time (with the gradient through time recorded), the global gradient norm, Adam. Evaluation never
// runs (evalEvery beyond the timed steps).

struct SeqBenchConfig {
  std::string id, cell, desc;
};

const std::vector<SeqBenchConfig>& seqConfigs() {
  static const std::vector<SeqBenchConfig> configs = {
      {"G", "lstm", "LSTM 64, adding problem T=50, many-to-one, Adam 0.001, N=3200, bs=32"},
      {"H", "gru", "GRU 64, adding problem T=50, many-to-one, Adam 0.001, N=3200, bs=32"},
      {"I", "lstm",
       "character model: embedding 32 of 96 symbols, LSTM 128, a 96-way softmax at each of T=64 steps, Adam 0.003, "
       "bs=32"},
  };
  return configs;
}

const SeqBenchConfig* findSeqConfig(const std::string& id) {
  for (const SeqBenchConfig& c : seqConfigs())
    if (c.id == id) return &c;
  return nullptr;
}

void seqBench(const SeqBenchConfig& b, const std::vector<int>& threads, double target, int reps) {
  dl::SeqConfig c;
  c.name = "bench-" + b.id;
  c.task.kind = "adding";
  c.task.length = 50;
  c.task.trainCount = 3200;
  c.task.validationCount = 1;
  c.task.testCount = 1;
  dl::LayerSpec cell = layer(b.cell), out = dense(1);
  cell.units = 64;
  c.layers = {cell, out};
  c.init.scheme = "uniform";
  c.init.limit = 0.125;  // 1/√64, PyTorch's default for these cells
  c.optimizer.name = "adam";
  c.optimizer.learningRate = 0.001;
  c.training.batchSize = 32;
  c.training.evalEvery = 1'000'000'000;
  c.training.seed = 1;
  if (b.id == "I") {
    // The character model: a text of 96 symbols drawn at random (the speed does not depend on
    // which text; bench/torch_seq_bench.py draws its ids the same way), windows of 64 characters.
    c.task = dl::SeqTaskConfig{};
    c.task.kind = "chars";
    c.task.length = 64;
    c.task.vocabulary = 96;
    c.task.stride = 64;
    dl::LayerSpec emb;
    emb.kind = "embedding";
    emb.units = 32;
    emb.vocabulary = 96;
    dl::LayerSpec lstm = layer("lstm");
    lstm.units = 128;
    lstm.returnSequences = true;
    dl::LayerSpec head;
    head.kind = "conv1d";
    head.units = 96;
    head.kernel = 1;
    c.layers = {emb, lstm, head};
    c.init.limit = 1.0 / std::sqrt(128.0);
    c.optimizer.learningRate = 0.003;
  }
  std::string text;
  if (b.id == "I") {
    dl::Rng rng(7);
    for (int i = 0; i < 64 * 3300; ++i) text += static_cast<char>(33 + static_cast<int>(rng.uniform() * 94) % 94);
    text += " \n";  // 96 symbols in all
  }
  const auto data = dl::makeSeqData(c.task, text, "bench text");
  const double tokens = b.id == "I" ? 32.0 * 64.0 : 0.0;
  for (int T : threads) {
    dl::setThreadCount(T);
    dl::SeqTrainer t(c, data);
    double loss = 0;
    const std::vector<Timing> ts = timeRotation({[&](long long n) {
                                                  for (long long s = 0; s < n; ++s) loss = t.step().trainLoss;
                                                }},
                                                target, reps);
    const Timing& r = ts.front();
    std::printf("RESULT,dlplay,%s,%d,0,%.1f,%.0f,%.2f,%.1f%%,%lld,%s,loss=%.3f  # %s%s\n", b.id.c_str(), T, r.median,
                r.median * 32, r.median / 100.0, r.spread, r.nsteps, joinRuns(r.runs).c_str(), loss, b.desc.c_str(),
                tokens > 0 ? (", " + std::to_string(static_cast<long long>(r.median * tokens)) + " tokens/s").c_str() : "");
    std::fflush(stdout);
  }
}

// ---- command line ----------------------------------------------------------------------------

struct Options {
  double target = 3.0;
  int reps = 3;
  std::vector<std::string> configs{"A", "B", "C", "D", "E", "F", "G", "H", "I"};
  std::vector<int> threads{1, 2};
  std::vector<int> diag{0, 1};
  bool gemm = true;
};

std::vector<std::string> splitList(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ','))
    if (!item.empty()) out.push_back(item);
  return out;
}

std::vector<int> intList(const std::string& s) {
  std::vector<int> out;
  for (const std::string& v : splitList(s)) out.push_back(std::stoi(v));
  return out;
}

[[noreturn]] void usage(int code) {
  std::fprintf(
      code ? stderr : stdout,
      "usage: dlplay_bench [--target S] [--reps N] [--configs A,B,C,D,E,F] [--threads 1,2] [--diag 0,1] [--gemm 0|1]\n"
      "  --target S   seconds per timed repeat (default 3)\n"
      "  --reps N     timed repeats, the median is reported (default 3)\n"
      "  --configs    reference configurations to run (MLPs A,B,C,D; CNNs E,F; recurrent G,H, character model I; search16: a 16-trial "
      "search on\n"
      "               1 and 2 threads, its speed-up); empty = none (GEMM only)\n"
      "  --gemm 0|1   measure C's GEMM rate: plain Eigen on 1 thread, dl::gemm on each --threads\n");
  std::exit(code);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "-h" || a == "--help") usage(0);
    if (i + 1 >= argc) usage(2);
    const std::string v = argv[++i];
    if (a == "--target")
      o.target = std::stod(v);
    else if (a == "--reps")
      o.reps = std::max(1, std::stoi(v));
    else if (a == "--configs")
      o.configs = splitList(v);
    else if (a == "--threads")
      o.threads = intList(v);
    else if (a == "--diag")
      o.diag = intList(v);
    else if (a == "--gemm")
      o.gemm = std::stoi(v) != 0;
    else
      usage(2);
  }
  if (!(o.target > 0)) usage(2);
  return o;
}

struct Row {
  std::string config;
  int threads = 1, diag = 0;
  Timing t;
  double samplesPerStep = 0;
  double gflops = std::nan("");    // C only: the step's GEMM FLOP rate
  double fraction = std::nan("");  // of the reference GEMM rate
  double overhead = std::nan("");  // diagnostics: extra time per step (on the diag-on row)
};

}  // namespace

int main(int argc, char** argv) try {
  const Options opt = parse(argc, argv);
  std::printf("# dlplay_bench target=%.2fs reps=%d eigen=%d.%d.%d simd=%s\n", opt.target, opt.reps, EIGEN_WORLD_VERSION,
              EIGEN_MAJOR_VERSION, EIGEN_MINOR_VERSION, Eigen::SimdInstructionSetsInUse());
  std::fflush(stdout);

  const BenchConfig& cfgC = benchConfigs()[2];
  const double flopFull = stepFlop(cfgC.sizes, cfgC.batch);
  const double nC = 10000, stepsPerEpochC = std::ceil(nC / cfgC.batch);
  const double flopMean = stepFlop(cfgC.sizes, nC / stepsPerEpochC);  // last batch of an epoch is short
  std::printf("FLOP,dlplay,C,%.0f,%.0f\n", flopFull, flopMean);

  // GEMM reference rates: plain Eigen on 1 thread; dl::gemm on each thread count asked for.
  std::vector<Product> ps = stepProducts(cfgC.sizes, cfgC.batch);
  if (opt.gemm) {
    dl::setThreadCount(1);
    const GemmRate eigen1 = measureGemm(ps, false, opt.target, opt.reps);
    std::printf("GEMM,dlplay,eigen,1,%.1f,%.1f%%\n", eigen1.gflops, eigen1.spread);
    std::fflush(stdout);
    std::vector<std::pair<int, GemmRate>> engine;
    for (int T : opt.threads) {
      dl::setThreadCount(T);
      const GemmRate g = measureGemm(ps, true, opt.target, opt.reps);
      std::printf("GEMM,dlplay,dl_gemm,%d,%.1f,%.1f%%\n", T, g.gflops, g.spread);
      std::fflush(stdout);
      engine.emplace_back(T, g);
    }
    std::printf("#\n# GEMM GFLOP/s for C's products (one pass = %.1f MFLOP = one full-batch step's products)\n",
                flopFull * 1e-6);
    std::printf("# %-34s %8s %10s", "product (m x n x k)", "MFLOP", "eigen 1T");
    for (const auto& [T, g] : engine) std::printf("  dl::gemm %dT", T);
    std::printf("\n");
    for (std::size_t i = 0; i < ps.size(); ++i) {
      char shape[64];
      std::snprintf(shape, sizeof shape, "%ldx%ldx%ld", static_cast<long>(ps[i].m), static_cast<long>(ps[i].n),
                    static_cast<long>(ps[i].k));
      std::printf("# %-21s %-12s %8.2f %10.1f", ps[i].what.c_str(), shape, ps[i].flop() * 1e-6, eigen1.perProduct[i]);
      for (const auto& [T, g] : engine) std::printf("  %11.1f", g.perProduct[i]);
      std::printf("\n");
    }
    std::printf("# %-34s %8.2f %10.1f", "all (median of reps)", flopFull * 1e-6, eigen1.gflops);
    for (const auto& [T, g] : engine) std::printf("  %11.1f", g.gflops);
    std::printf("\n#\n");
    std::fflush(stdout);
  }

  std::vector<Row> rows;
  double sink = 0;
  for (const std::string& id : opt.configs) {
    if (id == "search16") {
      searchBench(opt.reps);
      continue;
    }
    if (const CnnBenchConfig* cnn = findCnnConfig(id)) {
      cnnBench(*cnn, opt.threads, opt.target, opt.reps);
      continue;
    }
    if (const SeqBenchConfig* seq = findSeqConfig(id)) {
      seqBench(*seq, opt.threads, opt.target, opt.reps);
      continue;
    }
    const auto it =
        std::find_if(benchConfigs().begin(), benchConfigs().end(), [&](const BenchConfig& b) { return b.id == id; });
    if (it == benchConfigs().end()) {
      std::fprintf(stderr, "unknown configuration '%s' (known: A, B, C, D, E, F, G, H, search16)\n", id.c_str());
      return 2;
    }
    const BenchConfig& b = *it;
    dl::Rng dataRng(0);
    const auto data = prepared(b.data(dataRng));
    const Index N = data->train.size();
    for (int T : opt.threads) {
      // Every diagnostics setting (and for C the GEMM reference: plain Eigen on 1 thread, dl::gemm
      // on more) in one rotation, so the diagnostics overhead and C's GEMM fraction are same-repeat
      // ratios.
      dl::setThreadCount(T);
      std::vector<std::unique_ptr<dl::Trainer>> trainers;
      std::vector<double> losses(opt.diag.size(), 0.0);
      std::vector<std::function<void(long long)>> loops;
      for (std::size_t i = 0; i < opt.diag.size(); ++i) {
        trainers.push_back(std::make_unique<dl::Trainer>(experiment(b, N), data));
        trainers.back()->setDiagnostics(opt.diag[i] != 0);
        loops.push_back([&, i](long long n) {
          for (long long s = 0; s < n; ++s) {
            const dl::StepMetrics m = trainers[i]->step();
            losses[i] = m.trainLoss;
            if (!m.layers.empty()) sink += m.layers.front().gradNorm;
          }
        });
      }
      const bool withGemm = b.id == "C" && opt.gemm;
      if (withGemm) loops.push_back(gemmPasses(ps, T > 1));
      const std::vector<Timing> ts = timeRotation(loops, opt.target, opt.reps);
      const double spe = double(trainers.front()->stepsPerEpoch());
      for (std::size_t i = 0; i < opt.diag.size(); ++i) {
        const Timing& t = ts[i];
        const int d = opt.diag[i];
        Row r{b.id, T, d, t, double(N) / spe};
        std::printf("RESULT,dlplay,%s,%d,%d,%.1f,%.0f,%.2f,%.1f%%,%lld,%s,loss=%.3f  # %s\n", b.id.c_str(), T, d,
                    t.median, t.median * r.samplesPerStep, t.median / spe, t.spread, t.nsteps, joinRuns(t.runs).c_str(),
                    losses[i], b.desc.c_str());
        if (b.id == "C") r.gflops = t.median * flopMean * 1e-9;
        if (withGemm) {
          const Timing& g = ts.back();
          r.fraction =
              pairedMedian(t, g, [&](double step, double pass) { return step * flopMean / (pass * flopFull); });
          std::printf("GEMMFRAC,dlplay,C,%d,%d,%.1f,%.1f,%.3f,%s,%s\n", T, d, r.gflops, g.median * flopFull * 1e-9,
                      r.fraction, T > 1 ? "dl_gemm" : "eigen", joinRuns(g.runs).c_str());
        }
        rows.push_back(r);
      }
      const auto off = std::find(opt.diag.begin(), opt.diag.end(), 0);
      const auto on = std::find(opt.diag.begin(), opt.diag.end(), 1);
      if (off != opt.diag.end() && on != opt.diag.end()) {
        const Timing& t0 = ts[static_cast<std::size_t>(off - opt.diag.begin())];
        const Timing& t1 = ts[static_cast<std::size_t>(on - opt.diag.begin())];
        // Extra time per step with diagnostics: rate(off)/rate(on) − 1, median over repeats.
        const double overhead = pairedMedian(t0, t1, [](double r0, double r1) { return r0 / r1 - 1.0; });
        std::printf("OVERHEAD,dlplay,%s,%d,%.3f\n", b.id.c_str(), T, overhead);
        rows.back().overhead = overhead;
      }
      std::fflush(stdout);
    }
  }

  if (!rows.empty()) {
    std::printf("#\n# %-6s %7s %4s %10s %10s %9s %7s %9s %9s %8s\n", "config", "threads", "diag", "steps/s",
                "samples/s", "us/step", "spread", "diag +%", "GFLOP/s", "of GEMM");
    for (const Row& r : rows) {
      std::printf("# %-6s %7d %4d %10.1f %10.0f %9.1f %6.1f%%", r.config.c_str(), r.threads, r.diag, r.t.median,
                  r.t.median * r.samplesPerStep, 1e6 / r.t.median, r.t.spread);
      if (std::isfinite(r.overhead))
        std::printf(" %8.1f%%", 100 * r.overhead);
      else
        std::printf(" %9s", "");
      if (std::isfinite(r.gflops)) std::printf(" %9.1f", r.gflops);
      if (std::isfinite(r.fraction)) std::printf(" %7.0f%%", 100 * r.fraction);
      std::printf("\n");
    }
  }
  if (sink == 12345.678) std::printf("# %g\n", sink);  // keeps the diagnostics observable
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "dlplay_bench: %s\n", e.what());
  return 1;
}
