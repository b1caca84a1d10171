#include <gtest/gtest.h>

#include "indicators/annex_a.h"
