// One line per lab: adding a lab is a folder in engine/, a folder here, and its line below.
#include "labs/Lab.h"
#include "labs/cnn/CnnLab.h"
#include "labs/landscape/LandscapeLab.h"
#include "labs/search/SearchLab.h"
#include "labs/sequence/SequenceLab.h"

namespace dlui {

const std::vector<LabRegistration>& labRegistry() {
  static const std::vector<LabRegistration> labs = {
      {"landscape", [](QWidget* parent) -> Lab* { return new LandscapeLab(parent); }},
      {"search", [](QWidget* parent) -> Lab* { return new SearchLab(parent); }},
      {"cnn", [](QWidget* parent) -> Lab* { return new CnnLab(parent); }},
      {"sequence", [](QWidget* parent) -> Lab* { return new SequenceLab(parent); }},
  };
  return labs;
}

const LabRegistration* findLab(const QString& id) {
  for (const LabRegistration& l : labRegistry())
    if (id == QLatin1String(l.id)) return &l;
  return nullptr;
}

}  // namespace dlui
