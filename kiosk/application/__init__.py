"""The Qt-free application layer: gateways the front ends call, background loops, wiring."""
