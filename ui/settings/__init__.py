"""Settings pages (one small class each, Picard style) and the view that holds them."""
