// The sequence lab's trainer (seq/SeqTrainer.h).
#include "seq/SeqTrainer.h"

#include "core/Error.h"
#include "data/FileBytes.h"
#include "train/Clipping.h"

#include <Eigen/SVD>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace dl {

namespace {

constexpr std::uintmax_t kMaxTextBytes = 32ull * 1024 * 1024;

bool isRecurrentKind(const std::string& kind) {
  const auto& k = recurrentKinds();
  return std::find(k.begin(), k.end(), kind) != k.end();
}

// A generated task's three parts, drawn one after the other from the task's seed.
void generate(SeqData& d, const SeqTaskConfig& t) {
  Rng rng(t.seed);
  const Index T = t.length;
  const auto make = [&](Index n) -> SeqSet {
    if (t.kind == "adding") return addingProblem(n, T, rng);
    if (t.kind == "recall") return recallSymbol(n, T, t.symbols, rng);
    if (t.kind == "parity") return parityBits(n, T, rng);
    return sineWindows(n, T, t.components, t.noise, rng);
  };
  if (t.kind == "motif") {
    // Held out: training and validation see the motif in the first half, the test in the second.
    const MotifPlaces seen = t.heldOutPositions ? MotifPlaces::FirstHalf : MotifPlaces::Anywhere;
    const MotifPlaces unseen = t.heldOutPositions ? MotifPlaces::SecondHalf : MotifPlaces::Anywhere;
    d.train = motifSequences(t.trainCount, T, t.symbols, seen, rng);
    d.validation = motifSequences(t.validationCount, T, t.symbols, seen, rng);
    d.test = motifSequences(t.testCount, T, t.symbols, unseen, rng);
  } else {
    d.train = make(t.trainCount);
    d.validation = make(t.validationCount);
    d.test = make(t.testCount);
  }
  d.steps = T;
  if (t.kind == "adding") {
    d.features = 2;
  } else if (t.kind == "recall") {
    d.features = t.symbols;
    d.classes = t.symbols;
    for (int k = 0; k < t.symbols; ++k)
      d.classNames.push_back(std::string(1, static_cast<char>('A' + k % 26)) + (k >= 26 ? std::to_string(k / 26) : ""));
  } else if (t.kind == "parity") {
    d.classes = 2;
    d.classNames = {"even", "odd"};
  } else if (t.kind == "motif") {
    d.features = t.symbols;
    d.classes = 2;
    d.classNames = {"absent", "present"};
  }
}

// Splits a token stream 80/10/10 (in order) and cuts each part into windows.
void charModel(SeqData& d, const SeqTaskConfig& t, const std::string& text, const std::string& source) {
  const TextTokens tokens = tokenizeText(text, source, t.vocabulary);
  const Index T = t.length, n = static_cast<Index>(tokens.ids.size());
  const Index stride = t.stride > 0 ? t.stride : std::max<Index>(T / 2, 1);
  // Each part needs one window: T + 1 characters; the training part gets 80%.
  if (n / 10 < T + 1)
    throw DataError({source},
                    {DL_TRANSLATE_NOOP("dl", "has %1 characters: too short for windows of %2 (it needs at least %3)"),
                     {std::to_string(n), std::to_string(T), std::to_string(10 * (T + 1))}});
  const auto slice = [&](Index from, Index to) {
    return std::vector<int>(tokens.ids.begin() + from, tokens.ids.begin() + to);
  };
  const Index a = n * 8 / 10, b = n * 9 / 10;
  d.train = tokenWindows(slice(0, a), T, stride);
  d.validation = tokenWindows(slice(a, b), T, stride);
  d.test = tokenWindows(slice(b, n), T, stride);
  d.features = 1;
  d.steps = T;
  d.tokens = true;
  d.perStep = true;
  d.classes = static_cast<int>(tokens.vocabulary.size());
  d.classNames = tokens.vocabulary;
}

void series(SeqData& d, const SeqTaskConfig& t) {
  std::vector<double> v = readSeries(t.file, t.column);
  const Index T = t.length, n = static_cast<Index>(v.size());
  // Windows 80/10/10 in time order; validation and test need one window each.
  const Index windows = n - T;
  if (windows < 10)
    throw DataError({t.file},
                    {DL_TRANSLATE_NOOP("dl", "has %1 values: too short for windows of %2 (it needs at least %3)"),
                     {std::to_string(n), std::to_string(T), std::to_string(T + 10)}});
  const Index a = windows * 8 / 10, b = windows * 9 / 10;
  double mean = 0, sq = 0;
  for (Index i = 0; i < a + T; ++i) mean += v[static_cast<std::size_t>(i)];
  mean /= static_cast<double>(a + T);
  for (Index i = 0; i < a + T; ++i)
    sq += (v[static_cast<std::size_t>(i)] - mean) * (v[static_cast<std::size_t>(i)] - mean);
  double sd = std::sqrt(sq / static_cast<double>(a + T));
  if (!(sd > 0)) sd = 1;
  for (double& x : v) x = (x - mean) / sd;
  const SeqSet all = seriesWindows(v, T);
  const auto part = [&](Index from, Index to) {
    SeqSet s;
    s.X = all.X.middleCols(from, to - from);
    s.targets = all.targets.middleCols(from, to - from);
    return s;
  };
  d.train = part(0, a);
  d.validation = part(a, b);
  d.test = part(b, windows);
  d.features = 1;
  d.steps = T;
  d.offset = mean;
  d.scale = sd;
}

// The loss of the best input-blind prediction on the validation part.
double baseline(const SeqData& d) {
  const SeqSet& tr = d.train;
  const SeqSet& va = d.validation.size() > 0 ? d.validation : d.train;
  if (d.classes == 0) {
    const double mean = tr.targets.size() ? static_cast<double>(tr.targets.mean()) : 0.0;
    return va.targets.size() ? static_cast<double>((va.targets.array() - static_cast<Scalar>(mean)).square().mean())
                             : 0.0;
  }
  std::vector<double> p(static_cast<std::size_t>(d.classes), 1.0);  // add-one smoothing: no log 0
  for (int l : tr.labels) p[static_cast<std::size_t>(l)] += 1;
  const double total = std::accumulate(p.begin(), p.end(), 0.0);
  double loss = 0;
  for (int l : va.labels) loss -= std::log(p[static_cast<std::size_t>(l)] / total);
  return va.labels.empty() ? 0.0 : loss / static_cast<double>(va.labels.size());
}

}  // namespace

std::vector<double> readSeries(const std::string& path, const std::string& column) {
  const std::string bytes = readDataFile(path, kMaxTextBytes);
  if (bytes.find('\0') != std::string::npos)
    throw DataError({path}, DL_TRANSLATE_NOOP("dl", "holds NUL bytes: binary data, not a CSV file"));
  // Lines, the separator ('\t', ';' or ','; else one column) from the first line.
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string::npos) end = bytes.size();
    std::string line = bytes.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
    start = end + 1;
  }
  std::size_t first = 0;
  while (first < lines.size() && lines[first].find_first_not_of(" \t") == std::string::npos) ++first;
  if (first == lines.size()) throw DataError({path}, DL_TRANSLATE_NOOP("dl", "is empty: there is no series"));
  char sep = 0;
  for (char c : {'\t', ';', ','})
    if (lines[first].find(c) != std::string::npos) {
      sep = c;
      break;
    }
  const auto cells = [&](const std::string& line) {
    std::vector<std::string> out;
    if (!sep) return std::vector<std::string>{line};
    std::size_t s = 0;
    for (;;) {
      const std::size_t e = line.find(sep, s);
      out.push_back(line.substr(s, e == std::string::npos ? std::string::npos : e - s));
      if (e == std::string::npos) break;
      s = e + 1;
    }
    return out;
  };
  const auto trim = [](std::string s) {
    const std::size_t a = s.find_first_not_of(" \t\""), b = s.find_last_not_of(" \t\"");
    return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
  };
  const auto number = [](const std::string& s, double& v) {
    if (s.empty()) return false;
    const char* b = s.data() + (s[0] == '+' ? 1 : 0);
    const auto r = std::from_chars(b, s.data() + s.size(), v);
    return r.ec == std::errc() && r.ptr == s.data() + s.size() && std::isfinite(v);
  };
  const std::vector<std::string> head = cells(lines[first]);
  const int width = static_cast<int>(head.size());
  int col = width - 1;
  double probe = 0;
  const bool header = !number(trim(head[static_cast<std::size_t>(col)]), probe) ||
                      (!column.empty() &&
                       std::any_of(head.begin(), head.end(), [&](const std::string& h) { return trim(h) == column; }));
  if (!column.empty()) {
    col = -1;
    for (int i = 0; header && i < width; ++i)
      if (trim(head[static_cast<std::size_t>(i)]) == column) col = i;
    int k = 0;
    if (col < 0 && std::from_chars(column.data(), column.data() + column.size(), k).ec == std::errc() && k >= 1 &&
        k <= width && std::to_string(k) == column)
      col = k - 1;
    if (col < 0) {
      std::string names;
      for (int i = 0; i < width; ++i)
        names += (i ? ", " : "") + (header ? trim(head[static_cast<std::size_t>(i)]) : std::to_string(i + 1));
      throw DataError({path}, {DL_TRANSLATE_NOOP("dl", "has no column '%1' (columns: %2)"), {column, names}});
    }
  }
  std::vector<double> values;
  for (std::size_t i = first + (header ? 1 : 0); i < lines.size(); ++i) {
    if (lines[i].find_first_not_of(" \t") == std::string::npos) continue;
    const std::vector<std::string> c = cells(lines[i]);
    const DataLocation where{path, static_cast<long>(i + 1), col + 1};
    if (static_cast<int>(c.size()) <= col)
      throw DataError(where, {DL_TRANSLATE_NOOP("dl", "the row has %1 cells, the series is column %2"),
                              {std::to_string(c.size()), std::to_string(col + 1)}});
    double v = 0;
    const std::string cell = trim(c[static_cast<std::size_t>(col)]);
    if (!number(cell, v))
      throw DataError(where, {DL_TRANSLATE_NOOP("dl", "'%1' is not a finite number"), {printable(cell, 40)}});
    values.push_back(v);
  }
  if (values.size() < 2)
    throw DataError({path},
                    {DL_TRANSLATE_NOOP("dl", "has %1 values: a series needs more"), {std::to_string(values.size())}});
  return values;
}

std::shared_ptr<const SeqData> makeSeqData(const SeqTaskConfig& task, const std::string& text,
                                           const std::string& textSource) {
  validateFields(seqTaskFields(), task, "task");
  auto d = std::make_shared<SeqData>();
  if (task.kind == "chars")
    charModel(*d, task, text, textSource.empty() ? std::string("text") : textSource);
  else if (task.kind == "series")
    series(*d, task);
  else
    generate(*d, task);
  d->baselineLoss = baseline(*d);
  return d;
}

// ---------------------------------------------------------------------------------------------

SeqConfig withCell(SeqConfig c, const std::string& cell) {
  for (LayerSpec& l : c.layers)
    if (isRecurrentKind(l.kind)) l.kind = cell;
  return c;
}

SeqTrainer::SeqTrainer(SeqConfig config, std::shared_ptr<const SeqData> data)
    : m_config(std::move(config)), m_data(std::move(data)), m_net([&] {
        m_config.validate();
        const Shape in = m_data->tokens ? Shape{1, 1, 1, m_data->steps} : Shape{m_data->features, 1, 1, m_data->steps};
        try {
          return Network(in, m_config.layers);
        } catch (const std::invalid_argument&) {
          throw ConfigError(
              "layers[0].kind", m_config.layers.front().kind,
              DL_TRANSLATE_NOOP(
                  "dl", "the first layer must have weights (an embedding, a recurrent layer, conv1d or dense)"));
        }
      }()) {
  const SeqData& d = *m_data;
  const Shape out = m_net.stackLayer(m_net.stackSize() - 1).outputShape();
  const auto refuse = [&](Message why) { throw ConfigError("layers", std::to_string(out.size()) + " outputs", why); };
  if (d.perStep) {
    if (out.channels != d.classes || out.time != d.steps || out.height * out.width != 1)
      refuse({DL_TRANSLATE_NOOP("dl", "the last layer must give %1 values (one per character) at each of the %2 steps"),
              {std::to_string(d.classes), std::to_string(d.steps)}});
  } else if (d.classes == 0) {
    if (out.size() != 1) refuse(DL_TRANSLATE_NOOP("dl", "the last layer must give one value (the prediction)"));
  } else if (out.size() != d.classes) {
    refuse({DL_TRANSLATE_NOOP("dl", "the last layer must give one value per class (%1)"), {std::to_string(d.classes)}});
  }
  for (int i = 0; i < m_net.stackSize(); ++i)
    if (dynamic_cast<const Recurrent*>(&m_net.stackLayer(i))) {
      m_recurrent = i;
      break;
    }
  if (d.train.size() < 1)
    throw ConfigError("task", "0 sequences", DL_TRANSLATE_NOOP("dl", "the task has no training sequences"));
  m_core.start(m_net, m_config.init, m_config.training.seed, m_config.optimizer, m_config.schedule, d.train.size());
}

const SeqSet& SeqTrainer::part(SeqSplit which) const {
  return which == SeqSplit::Train ? m_data->train : which == SeqSplit::Validation ? m_data->validation : m_data->test;
}

void SeqTrainer::setClipping(double clipNorm, double clipValue) {
  SeqTrainingConfig t = m_config.training;
  t.clipNorm = clipNorm;
  t.clipValue = clipValue;
  validateFields(seqTrainingFields(), t, "training");
  m_config.training = t;
}

void SeqTrainer::setLearningRate(double lr) {
  OptimizerConfig o = m_config.optimizer;
  o.learningRate = lr;
  validateField(*findField(optimizerFields(), "lr"), o, "optimizer");
  m_config.optimizer = o;
}

void SeqTrainer::nextBatch() {
  const SeqSet& t = m_data->train;
  const std::span<const Index> batch = m_core.nextBatch(m_config.training.batchSize, 1);
  m_batch.assign(batch.begin(), batch.end());
  m_xb.resize(t.X.rows(), static_cast<Index>(batch.size()));
  for (std::size_t i = 0; i < batch.size(); ++i) m_xb.col(static_cast<Index>(i)) = t.X.col(batch[i]);
}

// The mean loss of outputs `out` (one column per sample; samples start … start+len−1 of s, or the
// batch's when d is given) and, with d, its gradient; `correct` counts right classes (tokens).
// Regression: (ŷ − y)². Classification: −log softmax at the label. Per step: the same for every
// step's token, out's row c·T + t holding class c at step t, averaged over all tokens.
double SeqTrainer::lossOf(const Matrix& out, const SeqSet& s, Index start, Index len, Matrix* d, Index* correct) const {
  const SeqData& data = *m_data;
  const auto sample = [&](Index b) { return d ? m_batch[static_cast<std::size_t>(b)] : start + b; };
  if (d) d->resize(out.rows(), out.cols());
  double loss = 0;
  if (data.classes == 0) {
    for (Index b = 0; b < len; ++b) {
      const double e = static_cast<double>(out(0, b)) - static_cast<double>(s.targets(0, sample(b)));
      loss += e * e;
      if (d) (*d)(0, b) = static_cast<Scalar>(2 * e / static_cast<double>(len));
    }
    return loss / static_cast<double>(len);
  }
  const Index T = data.perStep ? data.steps : 1, C = data.classes;
  const double tokens = static_cast<double>(len * T);
  for (Index b = 0; b < len; ++b)
    for (Index t = 0; t < T; ++t) {
      const int label = data.perStep ? s.labels[static_cast<std::size_t>(sample(b) * T + t)]
                                     : s.labels[static_cast<std::size_t>(sample(b))];
      double m = -std::numeric_limits<double>::infinity();
      Index best = 0;
      for (Index c = 0; c < C; ++c)
        if (const double z = out(c * T + t, b); z > m) m = z, best = c;
      double sum = 0;
      for (Index c = 0; c < C; ++c) sum += std::exp(static_cast<double>(out(c * T + t, b)) - m);
      loss += std::log(sum) + m - static_cast<double>(out(label * T + t, b));
      if (correct) *correct += best == label;
      if (d)
        for (Index c = 0; c < C; ++c)
          (*d)(c * T + t, b) = static_cast<Scalar>(
              (std::exp(static_cast<double>(out(c * T + t, b)) - m) / sum - (c == label ? 1.0 : 0.0)) / tokens);
    }
  return loss / tokens;
}

SeqStep SeqTrainer::step() {
  m_core.requireFinite();
  SeqStep m;
  nextBatch();
  m.step = m_core.stepCount() + 1;
  m.epoch = m_core.epoch();
  m.lr = m_core.learningRate(m_config.optimizer.learningRate);
  m_net.forward(m_xb, Mode::Train);
  const int L = m_net.layerCount();
  m.trainLoss = lossOf(m_net.logits(), m_data->train, 0, m_xb.cols(), &m_dOut, nullptr);
  m_core.countStep();
  if (!std::isfinite(m.trainLoss)) {
    m_core.diverge(m.step, L, "loss");
    return m;
  }
  m_net.backward(m_xb, m_dOut);
  if (const Recurrent* r = recurrent()) m.timeGradients = r->stepGradientNorms();
  Vector& g = m_net.grads();
  m.gradNormTotal = std::sqrt(static_cast<double>(g.cast<double>().squaredNorm()));
  if (!std::isfinite(m.gradNormTotal)) {
    m_core.diverge(m.step, L, "gradient");
    return m;
  }
  const SeqTrainingConfig& tc = m_config.training;
  m.clipped = clipGradient(g, m.gradNormTotal, tc.clipValue, tc.clipNorm);
  m_core.update(m_net, g, m.lr);
  if (!m_net.params().allFinite()) {
    const int layer = TrainerCore::nonFiniteLayer(m_net);
    m_core.rollBack(m_net, m.step, layer > 0 ? layer : L);
    return m;
  }
  if (m_data->validation.size() > 0 && m_core.stepCount() % tc.evalEvery == 0) {
    const SeqEvaluation e = evaluate(SeqSplit::Validation);
    m.evaluated = true;
    m.valLoss = e.loss;
    m.valAccuracy = e.accuracy;
    m_core.validated(e.loss, m.step, L);
  }
  return m;
}

SeqEvaluation SeqTrainer::evaluate(SeqSplit which) const {
  const SeqSet& s = part(which);
  SeqEvaluation e;
  e.samples = s.size();
  if (s.size() == 0) return e;
  const Index chunks = TrainerCore::chunkCount(s.size());
  std::vector<double> lossSum(static_cast<std::size_t>(chunks), 0.0);
  std::vector<Index> right(static_cast<std::size_t>(chunks), 0);
  const auto count = [&](Index c, Index start, Index len, const Matrix& out) {
    Index correct = 0;
    lossSum[static_cast<std::size_t>(c)] = lossOf(out, s, start, len, nullptr, &correct) * static_cast<double>(len);
    right[static_cast<std::size_t>(c)] = correct;
  };
  const auto asIs = [](Matrix&) {};
  TrainerCore::inferInChunks(m_net, s.X, asIs, count);
  double loss = 0;
  Index correct = 0;
  for (Index c = 0; c < chunks; ++c) {
    loss += lossSum[static_cast<std::size_t>(c)];
    correct += right[static_cast<std::size_t>(c)];
  }
  e.loss = loss / static_cast<double>(s.size());
  if (m_data->classes > 0)
    e.accuracy = static_cast<double>(correct) / static_cast<double>(s.size() * (m_data->perStep ? m_data->steps : 1));
  return e;
}

Matrix SeqTrainer::predict(SeqSplit which, Index i) const {
  const SeqSet& s = part(which);
  Network::Workspace ws;
  Matrix out;
  m_net.infer(s.X.col(i), out, ws);
  const SeqData& d = *m_data;
  if (d.classes == 0) return out;
  const Index T = d.perStep ? d.steps : 1;
  Matrix p(d.classes, T);
  for (Index t = 0; t < T; ++t) {
    Eigen::ArrayXd z(d.classes);
    for (Index c = 0; c < d.classes; ++c) z(c) = out(c * T + t, 0);
    z = (z - z.maxCoeff()).exp();
    p.col(t) = (z / z.sum()).cast<Scalar>().matrix();
  }
  return p;
}

const Recurrent* SeqTrainer::recurrent() const {
  return m_recurrent < 0 ? nullptr : dynamic_cast<const Recurrent*>(&m_net.stackLayer(m_recurrent));
}

std::span<const Scalar> SeqTrainer::recurrentParams() const {
  if (m_recurrent < 0) return {};
  const ParamRange r = m_net.stackParams(m_recurrent);
  return {m_net.params().data() + r.offset, static_cast<std::size_t>(r.size)};
}

Matrix SeqTrainer::prefixInput(const Matrix& x) const {
  Matrix a = x, b;
  for (int i = 0; i < m_recurrent; ++i) {
    const ParamRange p = m_net.stackParams(i);
    const std::span<const Scalar> params(m_net.params().data() + p.offset, static_cast<std::size_t>(p.size));
    const Matrix& y = m_net.stackLayer(i).infer(a, b, params, {});
    if (&y != &a) a = y;
  }
  return a;
}

Eigen::MatrixXd SeqTrainer::stateJacobian(SeqSplit which, Index i, Index from, Index to) const {
  const Recurrent* r = recurrent();
  if (!r) throw std::logic_error("SeqTrainer::stateJacobian: the stack has no recurrent layer");
  return r->stateJacobian(prefixInput(part(which).X.col(i)), from, to, recurrentParams());
}

double SeqTrainer::stateJacobianNorm(SeqSplit which, Index i, Index from, Index to) const {
  const Eigen::MatrixXd J = stateJacobian(which, i, from, to);
  return Eigen::JacobiSVD<Eigen::MatrixXd>(J).singularValues()(0);
}

std::vector<double> SeqTrainer::stateJacobianNorms(SeqSplit which, Index i) const {
  const Recurrent* r = recurrent();
  if (!r) throw std::logic_error("SeqTrainer::stateJacobianNorms: the stack has no recurrent layer");
  return r->stateJacobianNorms(prefixInput(part(which).X.col(i)), r->steps() - 1, recurrentParams());
}

double SeqTrainer::medianJacobianNorm(SeqSplit which, Index samples) const {
  const Recurrent* r = recurrent();
  if (!r) return kNaN;
  const Index n = std::min<Index>(samples, part(which).size());
  std::vector<double> v;
  for (Index i = 0; i < n; ++i) v.push_back(stateJacobianNorm(which, i, 0, r->steps() - 1));
  if (v.empty()) return kNaN;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

SeqTrainer::Inside SeqTrainer::inside(SeqSplit which, Index i) const {
  const Recurrent* r = recurrent();
  Inside in;
  if (!r) return in;
  const Matrix x = prefixInput(part(which).X.col(i));
  const Recurrent::Trace tr = r->trace(x, recurrentParams());
  const Index T = r->steps(), F = r->features();
  in.gateNames = r->gateNames();
  in.gates = tr.gates;
  in.hidden = tr.hidden.rightCols(T);
  if (tr.cell.size()) in.cell = tr.cell.rightCols(T);
  in.input.resize(F, T);
  for (Index f = 0; f < F; ++f)
    for (Index t = 0; t < T; ++t) in.input(f, t) = x(f * T + t, 0);
  return in;
}

double SeqTrainer::forgetProduct(SeqSplit which, Index samples) const {
  const Recurrent* r = recurrent();
  if (!r || std::string(r->kind()) != "lstm") return kNaN;
  const SeqSet& s = part(which);
  const Index n = std::min(samples, s.size());
  if (n < 1) return kNaN;
  const Recurrent::Trace tr = r->trace(prefixInput(s.X.leftCols(n)), recurrentParams());
  const Index H = r->units(), T = r->steps();
  double total = 0;
  for (Index b = 0; b < n; ++b)
    for (Index u = 0; u < H; ++u) {
      double p = 1;
      for (Index t = 0; t < T; ++t) p *= static_cast<double>(tr.gates(H + u, t * n + b));  // rows [H, 2H): f
      total += p;
    }
  return total / static_cast<double>(n * H);
}

std::vector<int> SeqTrainer::sampleText(const std::vector<int>& prompt, int length, double temperature,
                                        std::uint64_t seed) const {
  const SeqData& d = *m_data;
  if (!d.perStep) throw std::logic_error("SeqTrainer::sampleText: only the character model samples text");
  const Index T = d.steps;
  std::vector<int> text = prompt.empty() ? std::vector<int>{0} : prompt;
  Rng rng(seed);
  Network::Workspace ws;
  Matrix x(T, 1), out;
  for (int k = 0; k < length; ++k) {
    // The last T characters, left-padded with the first when the text is shorter.
    const Index n = static_cast<Index>(text.size());
    for (Index t = 0; t < T; ++t)
      x(t, 0) = static_cast<Scalar>(text[static_cast<std::size_t>(std::max<Index>(n - T + t, 0))]);
    m_net.infer(x, out, ws);
    Eigen::ArrayXd z(d.classes);
    for (Index c = 0; c < d.classes; ++c) z(c) = out(c * T + (T - 1), 0);
    int next = 0;
    if (temperature <= 1e-6) {
      z.maxCoeff(&next);
    } else {
      z = ((z - z.maxCoeff()) / temperature).exp();
      double u = rng.uniform() * z.sum();
      next = d.classes - 1;
      for (Index c = 0; c < d.classes; ++c)
        if ((u -= z(c)) < 0) {
          next = static_cast<int>(c);
          break;
        }
    }
    text.push_back(next);
  }
  return {text.end() - length, text.end()};
}

// ---------------------------------------------------------------------------------------------

SeqRuns::SeqRuns(const SeqConfig& c, std::shared_ptr<const SeqData> data) {
  if (c.training.cells.empty()) {
    m_runs.push_back(std::make_unique<SeqTrainer>(c, data));
    m_labels.emplace_back();
    return;
  }
  for (const std::string& cell : c.training.cells) {
    m_runs.push_back(std::make_unique<SeqTrainer>(withCell(c, cell), data));
    m_labels.push_back(cell);
  }
}

std::vector<SeqStep> SeqRuns::step() {
  std::vector<SeqStep> out(m_runs.size());
  for (std::size_t i = 0; i < m_runs.size(); ++i)
    if (!m_runs[i]->diverged()) out[i] = m_runs[i]->step();
  return out;
}

}  // namespace dl
