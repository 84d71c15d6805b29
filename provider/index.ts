// The package's public surface. Each resource and the emulator add their exports here.
export {};
