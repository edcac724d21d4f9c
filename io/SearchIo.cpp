// Search files and the trials CSV; see SearchIo.h.
#include "io/SearchIo.h"

#include "core/Error.h"
#include "io/ErrorText.h"
#include "io/JsonReader.h"
#include "io/OutputFile.h"
#include "io/Presets.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace dlio {

namespace {

using dl::ConfigError;
using namespace dl::search;

QString num(double v) {
  return std::isfinite(v) ? QString::number(v, 'g', 7) : (std::isnan(v) ? QString() : QString::number(v));
}

}  // namespace

QJsonObject searchToJson(const SearchConfig& c) {
  QJsonObject o;
  o["lab"] = "search";
  if (!c.name.empty()) o["name"] = QString::fromStdString(c.name);
  if (!c.description.empty()) o["description"] = QString::fromStdString(c.description);
  QJsonObject experiment = configToJson(c.base);
  experiment.remove("format");  // the search file says what it is
  experiment.remove("version");
  o["experiment"] = experiment;
  QJsonArray params;
  for (const ParamRange& p : c.params)
    params.append(QJsonObject{{"name", QString::fromStdString(p.name)},
                              {"low", p.low},
                              {"high", p.high},
                              {"scale", QString::fromStdString(scaleName(p.scale))}});
  o["search"] = QJsonObject{{"params", params},
                            {"strategy", QString::fromStdString(strategyName(c.strategy))},
                            {"trials", c.trials},
                            {"steps", static_cast<double>(c.steps)},
                            {"rounds", c.rounds},
                            {"zoom", c.zoom},
                            {"seed", static_cast<double>(c.seed)},
                            {"threads", c.threads}};
  if (c.compare) {
    QJsonObject search = o["search"].toObject();
    search["compare"] = QString::fromStdString(strategyName(*c.compare));
    o["search"] = search;
  }
  return o;
}

SearchConfig searchFromJson(const QJsonObject& o) {
  SearchConfig c;
  json::Reader top(o, "");
  std::string lab;
  if (!top.has("lab"))
    throw ConfigError("lab", "(none)", {DL_TRANSLATE_NOOP("dl", "must be '%1' (a search file)"), {"search"}});
  top.string("lab", lab);
  if (lab != "search")
    throw ConfigError("lab", lab, {DL_TRANSLATE_NOOP("dl", "must be '%1' (a search file)"), {"search"}});
  top.string("name", c.name);
  top.string("description", c.description);
  if (!top.has("experiment"))
    throw ConfigError("experiment", "(none)",
                      DL_TRANSLATE_NOOP("dl", "is missing: the experiment every trial starts from"));
  try {
    c.base = configFromJson(top.object("experiment"));
  } catch (const ConfigError& e) {
    throw ConfigError("experiment." + e.field(), e.value(), e.reason());
  }
  if (!top.has("search"))
    throw ConfigError("search", "(none)", DL_TRANSLATE_NOOP("dl", "is missing: the hyperparameters to search"));
  json::Reader s(top.object("search"), "search");
  if (!s.has("params")) throw ConfigError("search.params", "(none)", DL_TRANSLATE_NOOP("dl", "is missing"));
  const QJsonArray params = s.array("params");
  for (int i = 0; i < params.size(); ++i) {
    const std::string path = "search.params[" + std::to_string(i) + "]";
    if (!params[i].isObject())
      throw ConfigError(path, json::show(params[i]).toStdString(),
                        {DL_TRANSLATE_NOOP("dl", "each hyperparameter is an object like %1"),
                         {R"({"name": "learningRate", "low": 0.0001, "high": 1, "scale": "log"})"}});
    json::Reader r(params[i].toObject(), path);
    ParamRange p;
    for (const char* key : {"name", "low", "high"})
      if (!r.has(key)) throw ConfigError(r.field(key), "(none)", DL_TRANSLATE_NOOP("dl", "is missing"));
    r.string("name", p.name);
    r.number("low", p.low);
    r.number("high", p.high);
    std::string scale = "linear";
    r.string("scale", scale);
    if (!scaleFromName(scale, p.scale))
      throw ConfigError(r.field("scale"), scale, {DL_TRANSLATE_NOOP("dl", "must be '%1' or '%2'"), {"linear", "log"}});
    r.finish();
    c.params.push_back(p);
  }
  std::string strategy = strategyName(c.strategy);
  s.string("strategy", strategy);
  if (!strategyFromName(strategy, c.strategy))
    throw ConfigError(
        "search.strategy", strategy,
        {DL_TRANSLATE_NOOP("dl", "unknown strategy (known: %1)"), {"grid, uniform, log-uniform, coarse-to-fine"}});
  if (s.has("compare")) {
    std::string compare;
    s.string("compare", compare);
    Strategy other{};
    if (!strategyFromName(compare, other))
      throw ConfigError(
          "search.compare", compare,
          {DL_TRANSLATE_NOOP("dl", "unknown strategy (known: %1)"), {"grid, uniform, log-uniform, coarse-to-fine"}});
    c.compare = other;
  }
  s.integer("trials", c.trials);
  s.integer64("steps", c.steps);
  s.integer("rounds", c.rounds);
  s.number("zoom", c.zoom);
  s.seed("seed", c.seed);
  s.integer("threads", c.threads);
  s.finish();
  top.finish();
  return c;
}

SearchConfig parseSearch(const QByteArray& json, const QString& name) {
  const QJsonObject o = json::parseObject(json, name);
  try {
    SearchConfig c = searchFromJson(o);
    try {
      validate(c);
    } catch (const ConfigError& e) {
      // validate() names the search's own fields as they stand in the file's "search" object.
      const std::string& f = e.field();
      const bool own = f.rfind("experiment", 0) != 0;
      throw ConfigError(own ? "search." + f : f, e.value(), e.reason());
    }
    return c;
  } catch (const ConfigError& e) {
    throw IoError(fillTemplate(ErrorText::tr("%1: %2"), {name, ErrorText::of(e)}));
  }
}

SearchConfig readSearchFile(const QString& path) {
  SearchConfig c = parseSearch(json::readFileBytes(path), path);
  // A CSV named by a relative path lives beside the search file, wherever dlplay is started.
  std::string& csv = c.base.data.csvPath;
  if (!csv.empty() && QFileInfo(QString::fromStdString(csv)).isRelative())
    csv = QDir::cleanPath(QFileInfo(path).absoluteDir().filePath(QString::fromStdString(csv))).toStdString();
  return c;
}

QByteArray searchFileBytes(const SearchConfig& c) {
  return QJsonDocument(searchToJson(c)).toJson(QJsonDocument::Indented);
}

void writeSearchFile(const QString& path, const SearchConfig& c) { writeFileAtomically(path, searchFileBytes(c)); }

SearchConfig readSearchPreset(const QString& name) {
  if (!QFile::exists(presetPath(name)))
    throw IoError(fillTemplate(ErrorText::tr("preset '%1' does not exist; --list-presets shows them"), {name}));
  QFile f(presetPath(name));
  if (!f.open(QIODevice::ReadOnly)) throw IoError(fillTemplate(ErrorText::tr("preset '%1' cannot be read"), {name}));
  return parseSearch(f.readAll(), fillTemplate(ErrorText::tr("preset '%1'"), {name}));
}

QString trialsCsvHeader(const SearchConfig& c) {
  QString h = "trial,round";
  for (const ParamRange& p : c.params) h += "," + QString::fromStdString(p.name);
  return h + ",status,train_loss,val_loss,val_accuracy,best_val_loss,steps,diverged_at";
}

QString trialsCsvRow(const Trial& t) {
  QString r = QString("%1,%2").arg(t.index).arg(t.round);
  for (double v : t.values) r += "," + QString::number(v, 'g', 10);
  r += "," + QString::fromStdString(statusName(t.status));
  r += "," + num(t.trainLoss) + "," + num(t.valLoss) + "," + num(t.valAccuracy) + "," + num(t.bestValLoss);
  r += "," + QString::number(t.steps) + ",";
  if (t.status == Trial::Status::Diverged) r += QString::number(t.divergedAt);
  return r;
}

QByteArray trialsCsv(const SearchConfig& c, const std::vector<Trial>& trials, const std::vector<Trial>* compared) {
  // With a comparison, each row first says which strategy's search it belongs to.
  const bool both = compared && c.compare;
  const QByteArray mine = both ? QByteArray::fromStdString(dl::search::strategyName(c.strategy)) + ',' : QByteArray();
  QByteArray out = (both ? QByteArray("search,") : QByteArray()) + trialsCsvHeader(c).toUtf8() + '\n';
  for (const Trial& t : trials) out += mine + trialsCsvRow(t).toUtf8() + '\n';
  if (both) {
    const QByteArray other = QByteArray::fromStdString(dl::search::strategyName(*c.compare)) + ',';
    for (const Trial& t : *compared) out += other + trialsCsvRow(t).toUtf8() + '\n';
  }
  return out;
}

void writeTrialsCsv(const QString& path, const SearchConfig& c, const std::vector<Trial>& trials,
                    const std::vector<Trial>* compared) {
  writeFileAtomically(path, trialsCsv(c, trials, compared));
}

}  // namespace dlio
