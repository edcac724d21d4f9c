// Experiment files: ExperimentConfig (+ optional TrainerState) ⇄ JSON with QJsonDocument.
// Strict: an unknown key or a wrong type is an error naming the dotted field, so a typo in a
// hand-written file is reported instead of silently ignored.
#include "io/ExperimentIo.h"

#include "core/Error.h"
#include "io/ErrorText.h"
#include "io/FieldJson.h"
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
// Every section is its struct's field list (engine/config/Fields.cpp) written or read by
// io/FieldJson.h; what is written out here is the file's frame and what is not a field of one
// struct: the format tag, the list of layers, the optimiser's default learning rate.
QJsonObject scheduleToJson(const dl::ScheduleConfig& s) {
  QJsonObject o;
  writeFields(o, dl::scheduleFields(), s);
  return o;
}

void scheduleFromJson(const QJsonObject& o, dl::ScheduleConfig& s) {
  json::Reader r(o, "schedule");
  readFields(r, dl::scheduleFields(), s);
  r.finish();
}

namespace {
template <class S>
QJsonObject sectionToJson(std::span<const dl::Field<S>> fields, const S& s) {
  QJsonObject o;
  writeFields(o, fields, s);
  return o;
}

}  // namespace

QJsonObject configToJson(const dl::ExperimentConfig& c) {
  QJsonObject o;
  o["format"] = "dlplay-experiment";
  o["version"] = kFormatVersion;
  if (!c.name.empty()) o["name"] = QString::fromStdString(c.name);
  if (!c.description.empty()) o["description"] = QString::fromStdString(c.description);
  o["data"] = sectionToJson(dl::dataFields(), c.data);
  QJsonArray layers;
  for (const dl::LayerConfig& l : c.hidden) layers.append(sectionToJson(dl::layerFields(), l));
  o["layers"] = layers;
  o["init"] = sectionToJson(dl::initFields(), c.init);
  o["optimizer"] = sectionToJson(dl::optimizerFields(), c.optimizer);
  o["schedule"] = scheduleToJson(c.schedule);
  o["regularization"] = sectionToJson(dl::regularizationFields(), c.regularization);
  o["training"] = sectionToJson(dl::trainingFields(), c.training);
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
  json::readVersion(top, kFormatVersion);
  top.string("name", c.name);
  top.string("description", c.description);
  top.take("state");  // read separately
  readSection(top, "data", dl::dataFields(), c.data);
  if (top.has("data") && top.object("data").contains("inputs") && c.data.inputs.empty())
    throw ConfigError("data.inputs", "[]",
                      DL_TRANSLATE_NOOP("dl", "lists at least one input feature (or leave it out)"));
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
      readFields(r, dl::layerFields(), l);
      r.finish();
      c.hidden.push_back(l);
    }
  }
  readSection(top, "init", dl::initFields(), c.init);
  if (top.has("optimizer")) {
    Reader r(top.object("optimizer"), "optimizer");
    readFields(r, dl::optimizerFields(), c.optimizer);
    // Without "lr", the optimiser's own default (Adadelta's is 1.0, not the playground's 0.03).
    if (!r.has("lr")) c.optimizer.learningRate = dl::defaultLearningRate(c.optimizer.name);
    r.finish();
  }
  if (top.has("schedule")) scheduleFromJson(top.object("schedule"), c.schedule);
  readSection(top, "regularization", dl::regularizationFields(), c.regularization);
  readSection(top, "training", dl::trainingFields(), c.training);
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
