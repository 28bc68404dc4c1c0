//! People, organisations and places: mention detection, typing and alias resolution.
