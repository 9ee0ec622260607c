System.Console.WriteLine("TypedJwt console sample");
