namespace GovAssistant.Tuning;

/// <summary>Full-batch Adam over a parameter vector: <see cref="Step"/> once per iteration with that iteration's gradient.</summary>
internal sealed class Adam(double[] parameters, double rate)
{
    private readonly double[] _m = new double[parameters.Length];
    private readonly double[] _v = new double[parameters.Length];
    private int _t;

    /// <summary>Moves the parameters (in place) against <paramref name="gradient"/>.</summary>
    public void Step(double[] gradient)
    {
        _t++;
        for (var i = 0; i < parameters.Length; i++)
        {
            var g = gradient[i];
            _m[i] = 0.9 * _m[i] + 0.1 * g;
            _v[i] = 0.999 * _v[i] + 0.001 * g * g;
            parameters[i] -= rate * (_m[i] / (1 - Math.Pow(0.9, _t))) / (Math.Sqrt(_v[i] / (1 - Math.Pow(0.999, _t))) + 1e-8);
        }
    }
}
