// Translated display names for the ids the engine uses in JSON ("he_normal", "rmsprop", ...).
// The engine returns ids; the UI translates them here, in one table per concept.
#pragma once

#include <QString>

#include <string>

namespace dlui {

enum class NameKind { Source, Activation, Initializer, Optimizer, Schedule, Resample, Quantity };

// The translated name of an id, or the id itself when it is not in the table.
QString displayName(NameKind kind, const std::string& id);

}  // namespace dlui
