// UI test helpers
