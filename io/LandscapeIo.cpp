// Race files ⇄ RaceConfig, strict like the experiment format (io/JsonReader.h), and the
// trajectory CSV rows.
#include "io/LandscapeIo.h"

#include "io/ExperimentIo.h"

#include "io/ErrorText.h"
#include "io/JsonReader.h"
#include "io/OutputFile.h"
#include "io/Presets.h"

#include <QFile>

#include <cmath>

namespace dlio {

namespace {

using dl::ConfigError;
using json::Reader;
using json::show;

constexpr const char* kLab = "landscape";

}  // namespace

QJsonObject raceToJson(const dl::surface::RaceConfig& c) {
  QJsonObject o;
  o["lab"] = kLab;
  o["version"] = kLandscapeFormatVersion;
  if (!c.name.empty()) o["name"] = QString::fromStdString(c.name);
  if (!c.description.empty()) o["description"] = QString::fromStdString(c.description);
  const dl::surface::SurfaceConfig& s = c.surface;
  QJsonObject surface{{"name", QString::fromStdString(s.name)}};
  // Only the fields the surface reads: a preset stays short and says what matters.
  if (s.name == "quadratic") {
    surface["curvature"] = s.curvature;
    surface["condition"] = s.condition;
  } else if (s.name == "expression") {
    surface["expression"] = QString::fromStdString(s.expression);
  } else if (s.name == "logistic") {
    surface["dataset"] = QString::fromStdString(s.dataset);
    surface["l2"] = s.l2;
    surface["points"] = s.points;
    surface["seed"] = static_cast<double>(s.dataSeed);
  }
  o["surface"] = surface;
  if (c.start) o["start"] = QJsonArray{(*c.start)[0], (*c.start)[1]};
  QJsonArray racers;
  for (const dl::surface::RacerConfig& r : c.racers) {
    QJsonObject ro{{"optimizer", QString::fromStdString(r.optimizer)}};
    if (r.learningRate != 0) ro["lr"] = r.learningRate;
    if (!r.enabled) ro["enabled"] = false;
    racers.append(ro);
  }
  if (!c.racers.empty()) o["racers"] = racers;
  o["sameLearningRate"] = c.sameLearningRate;
  o["lr"] = c.learningRate;
  const dl::OptimizerConfig& h = c.hyper;
  o["hyper"] = QJsonObject{
      {"momentum", h.momentum}, {"beta1", h.beta1}, {"beta2", h.beta2}, {"rho", h.rho}, {"epsilon", h.epsilon}};
  o["schedule"] = scheduleToJson(c.schedule);
  o["noise"] = c.noise;
  o["seed"] = static_cast<double>(c.seed);
  o["steps"] = static_cast<double>(c.steps);
  return o;
}

namespace {

dl::surface::RaceConfig raceFromJson(const QJsonObject& o) {
  dl::surface::RaceConfig c;
  Reader top(o, "");
  std::string lab;
  if (!top.has("lab"))
    throw ConfigError("lab", "", {DL_TRANSLATE_NOOP("dl", "a landscape file starts with \"lab\": \"%1\""), {kLab}});
  top.string("lab", lab);
  if (lab != kLab)
    throw ConfigError("lab", lab, {DL_TRANSLATE_NOOP("dl", "a landscape file starts with \"lab\": \"%1\""), {kLab}});
  json::readVersion(top, kLandscapeFormatVersion);
  top.string("name", c.name);
  top.string("description", c.description);
  if (top.has("surface")) {
    Reader r(top.object("surface"), "surface");
    dl::surface::SurfaceConfig& s = c.surface;
    r.string("name", s.name);
    r.number("curvature", s.curvature);
    r.number("condition", s.condition);
    r.string("expression", s.expression);
    r.string("dataset", s.dataset);
    r.number("l2", s.l2);
    r.integer("points", s.points);
    r.seed("seed", s.dataSeed);
    r.finish();
  }
  if (top.has("start")) {
    std::vector<double> start;
    top.numbers("start", start);
    if (start.size() != 2)
      throw ConfigError("start", std::to_string(start.size()) + " numbers",
                        DL_TRANSLATE_NOOP("dl", "is a point [x, y]"));
    c.start = std::array<double, 2>{start[0], start[1]};
  }
  if (top.has("racers")) {
    const QJsonArray a = top.array("racers");
    for (int i = 0; i < a.size(); ++i) {
      const std::string path = "racers[" + std::to_string(i) + "]";
      if (!a[i].isObject())
        throw ConfigError(
            path, show(a[i]).toStdString(),
            {DL_TRANSLATE_NOOP("dl", "each racer is an object like %1"), {R"({"optimizer": "adam", "lr": 0.01})"}});
      Reader r(a[i].toObject(), path);
      dl::surface::RacerConfig racer;
      r.string("optimizer", racer.optimizer);
      r.number("lr", racer.learningRate);
      r.boolean("enabled", racer.enabled);
      r.finish();
      c.racers.push_back(racer);
    }
  }
  top.boolean("sameLearningRate", c.sameLearningRate);
  top.number("lr", c.learningRate);
  if (top.has("hyper")) {
    Reader r(top.object("hyper"), "hyper");
    r.number("momentum", c.hyper.momentum);
    r.number("beta1", c.hyper.beta1);
    r.number("beta2", c.hyper.beta2);
    r.number("rho", c.hyper.rho);
    r.number("epsilon", c.hyper.epsilon);
    r.finish();
  }
  if (top.has("schedule")) scheduleFromJson(top.object("schedule"), c.schedule);
  top.number("noise", c.noise);
  top.seed("seed", c.seed);
  top.integer64("steps", c.steps);
  top.finish();
  return c;
}

}  // namespace

dl::surface::RaceConfig parseRace(const QByteArray& bytes, const QString& source) {
  const QJsonObject o = json::parseObject(bytes, source);
  try {
    dl::surface::RaceConfig c = raceFromJson(o);
    dl::surface::validate(c);
    return c;
  } catch (const ConfigError& e) {
    throw IoError(fillTemplate(ErrorText::tr("%1: %2"), {source, ErrorText::of(e)}));
  }
}

dl::surface::RaceConfig readRaceFile(const QString& path) { return parseRace(json::readFileBytes(path), path); }

dl::surface::RaceConfig readRacePreset(const QString& name) {
  if (!QFile::exists(presetPath(name)))
    throw IoError(fillTemplate(ErrorText::tr("preset '%1' does not exist; --list-presets shows them"), {name}));
  QFile f(presetPath(name));
  if (!f.open(QIODevice::ReadOnly)) throw IoError(fillTemplate(ErrorText::tr("preset '%1' cannot be read"), {name}));
  return parseRace(f.readAll(), fillTemplate(ErrorText::tr("preset '%1'"), {name}));
}

void writeRaceFile(const QString& path, const dl::surface::RaceConfig& c) {
  writeFileAtomically(path, QJsonDocument(raceToJson(c)).toJson(QJsonDocument::Indented));
}

namespace {
QString num(double v) {
  return std::isfinite(v) ? QString::number(v, 'g', 9) : (std::isnan(v) ? QString() : QString::number(v));
}
}  // namespace

QString trajectoryCsvHeader() {
  return QStringLiteral("step,optimizer,x,y,loss,grad_norm,distance,learning_rate,diverged");
}

QString trajectoryCsvRow(const dl::surface::Race& race, std::size_t i) {
  const dl::surface::RacerState& s = race.racers()[i];
  return QString("%1,%2,%3,%4,%5,%6,%7,%8,%9")
      .arg(s.step)
      .arg(QString::fromStdString(race.label(i)), num(s.x), num(s.y), num(s.value), num(s.gradNorm), num(s.distance),
           num(s.step == 0 ? s.learningRate : s.rate), s.diverged ? "1" : "0");
}

}  // namespace dlio
