// Moved to the public headers; kept so internal code can include it by its old path.
#pragma once
#include "pressroom/document.hpp"
