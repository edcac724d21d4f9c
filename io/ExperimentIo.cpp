// Experiment files: ExperimentConfig (+ optional TrainerState) ⇄ JSON with QJsonDocument.
// Strict: an unknown key or a wrong type is an error naming the dotted field, so a typo in a
// hand-written file is reported instead of silently ignored.
#include "io/ExperimentIo.h"

#include "core/Error.h"
#include "io/ErrorText.h"
#include "io/JsonReader.h"
#include "io/OutputFile.h"
#include "optim/Optimizer.h"

#include <QFile>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <set>
#include <string>
#include <vector>

namespace dlio {

namespace {

using dl::ConfigError;
using json::Reader;
using json::show;

QJsonArray toArray(const dl::Vector& v) {
  QJsonArray a;
  for (dl::Index i = 0; i < v.size(); ++i) a.append(static_cast<double>(v(i)));
  return a;
}

dl::Vector vectorFrom(Reader& r, const QString& key) {
  std::vector<double> d;
  r.numbers(key, d);
  dl::Vector v(static_cast<dl::Index>(d.size()));
  for (std::size_t i = 0; i < d.size(); ++i) v(static_cast<dl::Index>(i)) = static_cast<dl::Scalar>(d[i]);
  return v;
}

QJsonArray rngToJson(const dl::Rng::State& s) {
  QJsonArray a;
  for (std::uint64_t w : s) a.append(QString::number(w, 16));
  return a;
}

dl::Rng::State rngFrom(Reader& r, const QString& key) {
  dl::Rng::State s{};
  if (!r.has(key)) return s;
  const QJsonArray a = r.array(key);
  if (a.size() != 4)
    throw ConfigError(r.field(key), std::to_string(a.size()) + " words",
                      {DL_TRANSLATE_NOOP("dl", "a generator state has %1 hex words"), {"4"}});
  for (int i = 0; i < 4; ++i) {
    bool ok = false;
    s[static_cast<std::size_t>(i)] = a[i].toString().toULongLong(&ok, 16);
    if (!ok)
      throw ConfigError(r.field(key) + "[" + std::to_string(i) + "]", show(a[i]).toStdString(),
                        DL_TRANSLATE_NOOP("dl", "must be a hex string"));
  }
  return s;
}

}  // namespace

// ---- configuration ---------------------------------------------------------------------------
QJsonObject scheduleToJson(const dl::ScheduleConfig& s) {
  return QJsonObject{{"name", QString::fromStdString(s.name)},
                     {"decay", s.decay},
                     {"base", s.base},
                     {"k", s.k},
                     {"stepEvery", s.stepEvery},
                     {"stepFactor", s.stepFactor},
                     {"patience", s.patience},
                     {"plateauFactor", s.plateauFactor},
                     {"minLr", s.minLearningRate}};
}

void scheduleFromJson(const QJsonObject& o, dl::ScheduleConfig& s) {
  json::Reader r(o, "schedule");
  r.string("name", s.name);
  r.number("decay", s.decay);
  r.number("base", s.base);
  r.number("k", s.k);
  r.integer("stepEvery", s.stepEvery);
  r.number("stepFactor", s.stepFactor);
  r.integer("patience", s.patience);
  r.number("plateauFactor", s.plateauFactor);
  r.number("minLr", s.minLearningRate);
  r.finish();
}

QJsonObject configToJson(const dl::ExperimentConfig& c) {
  QJsonObject o;
  o["format"] = "dlplay-experiment";
  o["version"] = kFormatVersion;
  if (!c.name.empty()) o["name"] = QString::fromStdString(c.name);
  if (!c.description.empty()) o["description"] = QString::fromStdString(c.description);

  const dl::DataConfig& d = c.data;
  QJsonObject data{{"source", QString::fromStdString(d.source)},
                   {"points", d.points},
                   {"noise", d.noise},
                   {"seed", static_cast<double>(d.seed)},
                   {"classes", d.classes},
                   {"arms", d.arms},
                   {"imbalance", d.imbalance},
                   {"validationFraction", d.validationFraction},
                   {"testFraction", d.testFraction},
                   {"standardize", d.standardize},
                   {"whiten", d.whiten},
                   {"resample", QString::fromStdString(d.resample)},
                   {"smoteNeighbours", d.smoteNeighbours},
                   {"mapFeatures", QJsonArray{d.mapFeatures.size() > 0 ? d.mapFeatures[0] : 0,
                                              d.mapFeatures.size() > 1 ? d.mapFeatures[1] : 1}}};
  if (!d.inputs.empty()) {
    QJsonArray inputs;
    for (const std::string& f : d.inputs) inputs.append(QString::fromStdString(f));
    data["inputs"] = inputs;
  }
  if (d.source == "csv" || !d.csvPath.empty())
    data["csv"] = QJsonObject{{"path", QString::fromStdString(d.csvPath)},
                              {"labelColumn", d.labelColumn},
                              {"header", d.csvHeader},
                              {"regression", d.regression}};
  o["data"] = data;

  QJsonArray layers;
  for (const dl::LayerConfig& l : c.hidden) {
    QJsonObject lo{{"units", l.units}, {"activation", QString::fromStdString(l.activation)}};
    if (l.activation == "leaky_relu" || l.activation == "prelu") lo["slope"] = l.slope;
    if (l.activation == "elu") lo["alpha"] = l.alpha;
    if (l.activation == "maxout") lo["pieces"] = l.pieces;
    if (l.batchNorm) lo["batchNorm"] = true;
    if (l.dropout > 0) lo["dropout"] = l.dropout;
    layers.append(lo);
  }
  o["layers"] = layers;

  const dl::InitConfig& i = c.init;
  o["init"] = QJsonObject{{"scheme", QString::fromStdString(i.scheme)},
                          {"sigma", i.sigma},
                          {"limit", i.limit},
                          {"value", i.value},
                          {"gain", i.gain},
                          {"bias", i.bias}};
  const dl::OptimizerConfig& p = c.optimizer;
  o["optimizer"] = QJsonObject{{"name", QString::fromStdString(p.name)},
                               {"lr", p.learningRate},
                               {"momentum", p.momentum},
                               {"beta1", p.beta1},
                               {"beta2", p.beta2},
                               {"rho", p.rho},
                               {"epsilon", p.epsilon}};
  o["schedule"] = scheduleToJson(c.schedule);
  const dl::RegularizationConfig& r = c.regularization;
  o["regularization"] = QJsonObject{{"l1", r.l1},
                                    {"l2", r.l2},
                                    {"l1Mode", QString::fromStdString(r.l1Mode)},
                                    {"clipNorm", r.clipNorm},
                                    {"clipValue", r.clipValue},
                                    {"compareL1L2", r.compareL1L2}};
  const dl::TrainingConfig& t = c.training;
  QJsonArray weights;
  for (double w : t.classWeights) weights.append(w);
  o["training"] = QJsonObject{{"batchSize", t.batchSize}, {"steps", static_cast<double>(t.steps)},
                              {"evalEvery", t.evalEvery}, {"seed", static_cast<double>(t.seed)},
                              {"threads", t.threads},     {"loss", QString::fromStdString(t.loss)},
                              {"classWeights", weights},  {"balancedClassWeights", t.balancedClassWeights}};
  return o;
}

dl::ExperimentConfig configFromJson(const QJsonObject& o) {
  dl::ExperimentConfig c;
  Reader top(o, "");
  if (top.has("format")) {
    std::string f;
    top.string("format", f);
    if (f != "dlplay-experiment")
      throw ConfigError("format", f,
                        {DL_TRANSLATE_NOOP("dl", "not a dlplay experiment (expected '%1')"), {"dlplay-experiment"}});
  }
  if (top.has("version")) {
    int v = 0;
    top.integer("version", v);
    if (v < 1 || v > kFormatVersion)
      throw ConfigError("version", std::to_string(v),
                        {DL_TRANSLATE_NOOP("dl", "this dlplay reads format version %1 to %2"),
                         {"1", std::to_string(kFormatVersion)}});
  }
  top.string("name", c.name);
  top.string("description", c.description);
  top.take("state");  // read separately
  if (top.has("data")) {
    Reader r(top.object("data"), "data");
    dl::DataConfig& d = c.data;
    r.string("source", d.source);
    r.integer("points", d.points);
    r.number("noise", d.noise);
    r.seed("seed", d.seed);
    r.integer("classes", d.classes);
    r.integer("arms", d.arms);
    r.number("imbalance", d.imbalance);
    r.number("validationFraction", d.validationFraction);
    r.number("testFraction", d.testFraction);
    r.boolean("standardize", d.standardize);
    r.boolean("whiten", d.whiten);
    r.string("resample", d.resample);
    r.integer("smoteNeighbours", d.smoteNeighbours);
    r.integers("mapFeatures", d.mapFeatures);
    if (r.has("inputs")) {
      const QJsonArray a = r.array("inputs");
      d.inputs.clear();
      for (int i = 0; i < a.size(); ++i) {
        if (!a[i].isString())
          throw ConfigError("data.inputs[" + std::to_string(i) + "]", show(a[i]).toStdString(),
                            DL_TRANSLATE_NOOP("dl", "must be a string"));
        d.inputs.push_back(a[i].toString().toStdString());
      }
      if (d.inputs.empty())
        throw ConfigError("data.inputs", "[]",
                          DL_TRANSLATE_NOOP("dl", "lists at least one input feature (or leave it out)"));
    }
    if (r.has("csv")) {
      Reader cr(r.object("csv"), "data.csv");
      cr.string("path", d.csvPath);
      cr.integer("labelColumn", d.labelColumn);
      cr.boolean("header", d.csvHeader);
      cr.boolean("regression", d.regression);
      cr.finish();
    }
    r.finish();
  }
  if (top.has("layers")) {
    const QJsonArray a = top.array("layers");
    c.hidden.clear();
    for (int i = 0; i < a.size(); ++i) {
      const std::string path = "layers[" + std::to_string(i) + "]";
      if (!a[i].isObject())
        throw ConfigError(
            path, show(a[i]).toStdString(),
            {DL_TRANSLATE_NOOP("dl", "each layer is an object like %1"), {R"({"units": 8, "activation": "tanh"})"}});
      Reader r(a[i].toObject(), path);
      dl::LayerConfig l;
      r.integer("units", l.units);
      r.string("activation", l.activation);
      r.number("slope", l.slope);
      r.number("alpha", l.alpha);
      r.integer("pieces", l.pieces);
      r.boolean("batchNorm", l.batchNorm);
      r.number("dropout", l.dropout);
      r.finish();
      c.hidden.push_back(l);
    }
  }
  if (top.has("init")) {
    Reader r(top.object("init"), "init");
    r.string("scheme", c.init.scheme);
    r.number("sigma", c.init.sigma);
    r.number("limit", c.init.limit);
    r.number("value", c.init.value);
    r.number("gain", c.init.gain);
    r.number("bias", c.init.bias);
    r.finish();
  }
  if (top.has("optimizer")) {
    Reader r(top.object("optimizer"), "optimizer");
    r.string("name", c.optimizer.name);
    // Without "lr", the optimiser's own default (Adadelta's is 1.0, not the playground's 0.03).
    c.optimizer.learningRate = dl::defaultLearningRate(c.optimizer.name);
    r.number("lr", c.optimizer.learningRate);
    r.number("momentum", c.optimizer.momentum);
    r.number("beta1", c.optimizer.beta1);
    r.number("beta2", c.optimizer.beta2);
    r.number("rho", c.optimizer.rho);
    r.number("epsilon", c.optimizer.epsilon);
    r.finish();
  }
  if (top.has("schedule")) scheduleFromJson(top.object("schedule"), c.schedule);
  if (top.has("regularization")) {
    Reader r(top.object("regularization"), "regularization");
    dl::RegularizationConfig& g = c.regularization;
    r.number("l1", g.l1);
    r.number("l2", g.l2);
    r.string("l1Mode", g.l1Mode);
    r.number("clipNorm", g.clipNorm);
    r.number("clipValue", g.clipValue);
    r.boolean("compareL1L2", g.compareL1L2);
    r.finish();
  }
  if (top.has("training")) {
    Reader r(top.object("training"), "training");
    dl::TrainingConfig& t = c.training;
    r.integer("batchSize", t.batchSize);
    r.integer64("steps", t.steps);
    r.integer("evalEvery", t.evalEvery);
    r.seed("seed", t.seed);
    r.integer("threads", t.threads);
    r.string("loss", t.loss);
    r.numbers("classWeights", t.classWeights);
    r.boolean("balancedClassWeights", t.balancedClassWeights);
    r.finish();
  }
  top.finish();
  return c;
}

// ---- trained state ---------------------------------------------------------------------------
QJsonObject stateToJson(const dl::TrainerState& s) {
  QJsonObject o;
  o["step"] = static_cast<double>(s.step);
  o["epoch"] = static_cast<double>(s.epoch);
  o["cursor"] = static_cast<double>(s.cursor);
  QJsonArray order;
  for (dl::Index i : s.order) order.append(static_cast<double>(i));
  o["order"] = order;
  o["shuffleRng"] = rngToJson(s.shuffleRng);
  o["dropoutRng"] = rngToJson(s.dropoutRng);
  o["params"] = toArray(s.params);
  o["buffers"] = toArray(s.buffers);
  QJsonObject buffers;
  for (const auto& [name, v] : s.optimizer.buffers) buffers[QString::fromStdString(name)] = toArray(v);
  o["optimizer"] = QJsonObject{{"t", static_cast<double>(s.optimizer.t)}, {"buffers", buffers}};
  QJsonArray schedule;
  for (double v : s.schedule) schedule.append(std::isfinite(v) ? QJsonValue(v) : QJsonValue(QString::number(v)));
  o["schedule"] = schedule;
  return o;
}

dl::TrainerState stateFromJson(const QJsonObject& o) {
  dl::TrainerState s;
  Reader r(o, "state");
  r.integer64("step", s.step);
  r.integer64("epoch", s.epoch);
  long long cursor = 0;
  r.integer64("cursor", cursor);
  s.cursor = cursor;
  std::vector<double> order;
  r.numbers("order", order);
  for (std::size_t i = 0; i < order.size(); ++i) {
    const double d = order[i];
    if (d != std::floor(d) || std::abs(d) > 9e15)
      throw ConfigError("state.order[" + std::to_string(i) + "]", dl::formatValue(d),
                        DL_TRANSLATE_NOOP("dl", "must be a whole number"));
    s.order.push_back(static_cast<dl::Index>(d));
  }
  s.shuffleRng = rngFrom(r, "shuffleRng");
  s.dropoutRng = rngFrom(r, "dropoutRng");
  s.params = vectorFrom(r, "params");
  s.buffers = vectorFrom(r, "buffers");
  if (r.has("optimizer")) {
    Reader opt(r.object("optimizer"), "state.optimizer");
    opt.integer64("t", s.optimizer.t);
    if (opt.has("buffers")) {
      const QJsonObject b = opt.object("buffers");
      Reader br(b, "state.optimizer.buffers");
      for (auto it = b.begin(); it != b.end(); ++it)
        s.optimizer.buffers.emplace_back(it.key().toStdString(), vectorFrom(br, it.key()));
      br.finish();
    }
    opt.finish();
  }
  if (r.has("schedule")) {
    // Numbers; non-finite ones (a plateau's best loss before the first evaluation) as strings.
    const QJsonArray a = r.array("schedule");
    for (int i = 0; i < a.size(); ++i) {
      bool ok = a[i].isDouble();
      const double v = ok ? a[i].toDouble() : a[i].toString().toDouble(&ok);
      if (!ok)
        throw ConfigError("state.schedule[" + std::to_string(i) + "]", show(a[i]).toStdString(),
                          DL_TRANSLATE_NOOP("dl", "must be a number"));
      s.schedule.push_back(v);
    }
  }
  r.finish();
  return s;
}

// ---- files -----------------------------------------------------------------------------------
ExperimentFile parseExperiment(const QByteArray& json, const QString& name) {
  const QJsonObject o = json::parseObject(json, name);
  try {
    ExperimentFile f;
    f.config = configFromJson(o);
    f.config.validate();
    if (o.contains("state")) {
      if (!o.value("state").isObject())
        throw ConfigError("state", show(o.value("state")).toStdString(), DL_TRANSLATE_NOOP("dl", "must be an object"));
      f.state = stateFromJson(o.value("state").toObject());
    }
    return f;
  } catch (const dl::ConfigError& e) {
    throw IoError(fillTemplate(ErrorText::tr("%1: %2"), {name, ErrorText::of(e)}));
  }
}

ExperimentFile readExperimentFile(const QString& path) {
  const QFileInfo info(path);
  const QByteArray bytes = json::readFileBytes(path);
  ExperimentFile f = parseExperiment(bytes, path);
  // A CSV named by a relative path lives beside the experiment file, wherever dlplay is started.
  std::string& csv = f.config.data.csvPath;
  if (!csv.empty() && QFileInfo(QString::fromStdString(csv)).isRelative())
    csv = QDir::cleanPath(info.absoluteDir().filePath(QString::fromStdString(csv))).toStdString();
  return f;
}

QByteArray experimentFileBytes(const QString& path, const dl::ExperimentConfig& c, const dl::TrainerState* state) {
  dl::ExperimentConfig saved = c;
  // A CSV in the experiment's folder (or below) is written relative to it, so the two can move
  // together; anything else keeps its absolute path.
  if (!saved.data.csvPath.empty()) {
    const QString csv = QFileInfo(QString::fromStdString(saved.data.csvPath)).absoluteFilePath();
    const QString relative = QFileInfo(path).absoluteDir().relativeFilePath(csv);
    saved.data.csvPath = (relative.startsWith(QLatin1String("..")) ? csv : relative).toStdString();
  }
  QJsonObject o = configToJson(saved);
  if (state) o["state"] = stateToJson(*state);
  return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

void writeExperimentFile(const QString& path, const dl::ExperimentConfig& c, const dl::TrainerState* state) {
  writeFileAtomically(path, experimentFileBytes(path, c, state));
}

}  // namespace dlio
