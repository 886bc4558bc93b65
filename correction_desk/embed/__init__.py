"""The reader form and the public notes on sites that do not run Django: one
script tag on the host page, the form in a frame from our origin."""
