using System;
using System.Device.Adc;
using System.Device.Gpio;
using System.Threading;
using NanoRelay.Boards;
using NanoRelay.Ports;

namespace NanoRelay.Device
{
    /// <summary>
    /// Reads the board's sensor inputs (board.json sensors) on a fixed period and hands raw values on:
    /// GPIO as 0 or 1 (pull-up: 1 = contact open), ADC as counts. Turning counts into degrees and
    /// deciding what is an alert is the core's work.
    /// </summary>
    public sealed class SensorSampler
    {
        private readonly SensorPin[] _pins;
        private readonly int _periodMs;
        private readonly SampleHandler _sink;
        private readonly ThreadStart _roundDone;
        private readonly ILog _log;
        private readonly Heartbeat _heartbeat;
        private GpioPin[] _gpio;
        private AdcChannel[] _adc;

        /// <summary><paramref name="roundDone"/> runs after each round of samples (the alert engine's Poll).</summary>
        public SensorSampler(SensorPin[] pins, int periodMs, SampleHandler sink, ThreadStart roundDone, ILog log, Heartbeat heartbeat)
        {
            _pins = pins;
            _periodMs = periodMs;
            _sink = sink;
            _roundDone = roundDone;
            _log = log;
            _heartbeat = heartbeat;
        }

        public void Start()
        {
            _gpio = new GpioPin[_pins.Length];
            _adc = new AdcChannel[_pins.Length];
            GpioController gpio = null;
            AdcController adc = null;
            for (int i = 0; i < _pins.Length; i++)
            {
                SensorPin p = _pins[i];
                if (p.Input == "gpio")
                {
                    gpio = gpio ?? new GpioController();
                    _gpio[i] = gpio.OpenPin(p.Number, PinMode.InputPullUp);
                }
                else
                {
                    adc = adc ?? new AdcController();
                    _adc[i] = adc.OpenChannel(p.Number);
                }
            }

            new Thread(new ThreadStart(Loop)).Start();
        }

        private void Loop()
        {
            while (true)
            {
                _heartbeat.Beat();
                for (int i = 0; i < _pins.Length; i++)
                {
                    try
                    {
                        double value = _gpio[i] != null ? (_gpio[i].Read() == PinValue.High ? 1 : 0) : _adc[i].ReadValue();
                        _sink(_pins[i].Name, value);
                    }
                    catch (Exception e)
                    {
                        _log.Write(LogLevel.Warning, "sensors", _pins[i].Name + ": " + e.Message);
                    }
                }

                try
                {
                    _roundDone();
                }
                catch (Exception e)
                {
                    _log.Write(LogLevel.Warning, "sensors", e.Message);
                }

                Thread.Sleep(_periodMs);
            }
        }
    }
}
